// Reads and validates the legal data files; cached per folder, since they change only with an update.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { GuidelineForm, LetterRegime } from '../../domain/letters.js';
import { SeimonError } from '../../core/errors.js';
import { legalDataDir } from './paths.js';
import { deadlinesFile, groundsFile, platformsFile, sendersFile, templateFile } from './schema.js';
import type { DeadlinesFile, GroundsFile, PlatformsFile, SendersFile, TemplateFile } from './schema.js';

/** Template files: one per regime, the guideline regime with its two forms. */
export const TEMPLATE_IDS = ['idpa', 'guideline', 'guideline-copyright', 'dmca', 'dsa', 'youtube', 'warning'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** The template of a regime (and guideline form). */
export const templateId = (regime: LetterRegime, form: GuidelineForm | null): TemplateId => (regime === 'guideline' && form === 'copyright' ? 'guideline-copyright' : regime);

export interface LegalData {
  dir: string;
  platforms: PlatformsFile;
  grounds: GroundsFile;
  senders: SendersFile;
  deadlines: DeadlinesFile;
  templates: Record<TemplateId, TemplateFile>;
}

const cache = new Map<string, LegalData>();

function readJson<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SeimonError('LETTER_DATA_INVALID', `Cannot read legal data file ${file}: ${(e as Error).message}`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new SeimonError('LETTER_DATA_INVALID', `Legal data file ${file} is invalid at ${first?.path.join('.') ?? '?'}: ${first?.message ?? ''}`);
  }
  return r.data;
}

/** The legal data (platforms, grounds, deadlines, templates), validated. */
export function legalData(dir = legalDataDir()): LegalData {
  const hit = cache.get(dir);
  if (hit) return hit;
  const templates = Object.fromEntries(TEMPLATE_IDS.map((r) => [r, readJson(path.join(dir, 'templates', `${r}.json`), templateFile)])) as Record<TemplateId, TemplateFile>;
  for (const [id, t] of Object.entries(templates))
    if (t.id !== id) throw new SeimonError('LETTER_DATA_INVALID', `Template file ${id}.json declares id ${t.id}`);
  const data: LegalData = {
    dir,
    platforms: readJson(path.join(dir, 'platforms.json'), platformsFile),
    grounds: readJson(path.join(dir, 'grounds.json'), groundsFile),
    senders: readJson(path.join(dir, 'senders.json'), sendersFile),
    deadlines: readJson(path.join(dir, 'deadlines.json'), deadlinesFile),
    templates,
  };
  cache.set(dir, data);
  return data;
}
