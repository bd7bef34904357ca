// A model's measured EER by speech length (manifest field `eerBySpeech`): checked before it is stored,
// stored in the registered model's manifest, stated by the short-speech caveat.
import { z } from 'zod';
import { SeimonError } from '../core/errors.js';
import type { SpeechEerTable } from '../domain/short-speech.js';

/** Longest speech a row may name (seconds): the table is about short clips. */
const MAX_SECONDS = 3600;

const rowSchema = z.strictObject({
  seconds: z.number().min(0).max(MAX_SECONDS),
  upTo: z.number().positive().max(MAX_SECONDS),
  eerPercent: z.number().min(0).max(100),
});

const tableSchema = z
  .strictObject({
    basis: z.strictObject({ en: z.string().trim().min(1), ja: z.string().trim().min(1) }),
    provenance: z.string().trim().min(1),
    rows: z.array(rowSchema).min(1),
  })
  .superRefine((t, ctx) => {
    t.rows.forEach((r, i) => {
      if (r.upTo <= r.seconds) ctx.addIssue({ code: 'custom', path: ['rows', i], message: `row ${i + 1} ends (${r.upTo} s) where or before it starts (${r.seconds} s)` });
      const prev = t.rows[i - 1];
      if (!prev) return;
      if (r.seconds < prev.seconds) ctx.addIssue({ code: 'custom', path: ['rows', i], message: `row ${i + 1} (from ${r.seconds} s) is out of order: row ${i} starts at ${prev.seconds} s` });
      else if (r.seconds < prev.upTo) ctx.addIssue({ code: 'custom', path: ['rows', i], message: `row ${i + 1} (${r.seconds}-${r.upTo} s) overlaps row ${i} (${prev.seconds}-${prev.upTo} s)` });
      else if (r.seconds > prev.upTo) ctx.addIssue({ code: 'custom', path: ['rows', i], message: `row ${i + 1} starts at ${r.seconds} s, leaving ${prev.upTo}-${r.seconds} s without a figure` });
    });
  });

/** Checks a manifest's `eerBySpeech`; MODEL_SPEECH_EER_INVALID names the first problems found. */
export function parseSpeechEerTable(raw: unknown, where: string): SpeechEerTable {
  const r = tableSchema.safeParse(raw);
  if (r.success) return r.data;
  const problems = r.error.issues.slice(0, 3).map((i) => (i.code === 'custom' ? i.message : `${['eerBySpeech', ...i.path].join('.')}: ${i.message}`));
  throw new SeimonError('MODEL_SPEECH_EER_INVALID', `${where}: eerBySpeech was refused (${problems.join('; ')}); the model was left as it was.`, { problems });
}

/** Whether two tables say the same (so an unchanged manifest changes nothing). */
export function sameSpeechEer(a: SpeechEerTable | null | undefined, b: SpeechEerTable | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
