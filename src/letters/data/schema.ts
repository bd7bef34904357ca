// Schemas of the legal data files: a bad edit to a data file fails loudly with the file and path.
import { z } from 'zod';
import { LETTER_REGIMES } from '../../domain/letters.js';

const text = z.strictObject({ ja: z.string(), en: z.string() });
const factWarning = z.strictObject({
  fact: z.enum(['usedActualRecordings', 'hasVideo', 'commercialUse', 'electionCandidate']),
  is: z.union([z.string(), z.boolean()]),
  level: z.enum(['mismatch', 'caution', 'info']),
  message: text,
});

export const platformsFile = z.strictObject({
  version: z.string(),
  source: z.string(),
  platforms: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9-]+$/),
      operator: z.string().min(1),
      services: z.array(z.string().min(1)).min(1),
      designatedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      intakeUrl: z.url({ protocol: /^https?$/ }).nullable(),
      language: z.string(),
      regime: z.literal('idpa'),
    }),
  ),
});

export const groundsFile = z.strictObject({
  version: z.string(),
  scoreStatement: text,
  grounds: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9-]+$/),
      name: text,
      basis: text,
      explanation: text,
      needs: z.strictObject({ ja: z.array(z.string()), en: z.array(z.string()) }),
      right: text,
      reason: text,
      notes: text.optional(),
      warnings: z.array(factWarning),
    }),
  ),
});

const duration = z.strictObject({ days: z.number().positive().optional(), hours: z.number().positive().optional() });

export const deadlinesFile = z.strictObject({
  version: z.string(),
  countingNote: text,
  clocks: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9-]+$/),
      regimes: z.array(z.enum(LETTER_REGIMES)).min(1),
      duration,
      electionCandidate: duration.optional(),
      basis: text,
      label: text,
      note: text,
    }),
  ),
  outcomes: z.array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), closes: z.boolean(), label: text })),
});

export const templateFile = z.strictObject({
  regime: z.enum(LETTER_REGIMES),
  title: text,
  subtitle: text,
  addressee: text,
  opening: text,
  fields: z
    .array(
      z.strictObject({
        key: z.string().regex(/^[a-zA-Z]+$/),
        label: text,
        verbatimToPoster: z.boolean(),
        requires: z.array(z.string()),
        text,
      }),
    )
    .min(1),
  closing: text,
  signature: text,
  notes: text,
  warnings: z.array(factWarning),
});

export type PlatformsFile = z.infer<typeof platformsFile>;
export type GroundsFile = z.infer<typeof groundsFile>;
export type GroundData = GroundsFile['grounds'][number];
export type DeadlinesFile = z.infer<typeof deadlinesFile>;
export type ClockData = DeadlinesFile['clocks'][number];
export type TemplateFile = z.infer<typeof templateFile>;
export type FactWarning = z.infer<typeof factWarning>;
