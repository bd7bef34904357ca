// Schemas of the legal data files: a bad edit to a data file fails loudly with the file and path.
import { z } from 'zod';
import { DELIVERY_METHODS, FACT_KEYS, GROUND_FAMILIES, GUIDELINE_FORMS, LETTER_REGIMES, SENDER_CAPACITIES } from '../../domain/letters.js';

const text = z.strictObject({ ja: z.string(), en: z.string() });
const slug = z.string().regex(/^[a-z0-9-]+$/);
const factWarning = z.strictObject({
  fact: z.enum(FACT_KEYS),
  is: z.union([z.string(), z.boolean()]),
  level: z.enum(['mismatch', 'caution', 'info']),
  message: text,
});

export const platformsFile = z.strictObject({
  version: z.string(),
  source: z.string(),
  platforms: z.array(
    z.strictObject({
      id: slug,
      operator: z.string().min(1),
      services: z.array(z.string().min(1)).min(1),
      hosts: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]+$/)).min(1),
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
  /** Put before the reasons of a ground whose facts are not all confirmed. */
  beliefLead: text,
  /** Put after the right of such a ground. */
  beliefRight: text,
  grounds: z.array(
    z.strictObject({
      id: slug,
      family: z.enum(GROUND_FAMILIES),
      name: text,
      basis: text,
      explanation: text,
      needs: z.strictObject({ ja: z.array(z.string()), en: z.array(z.string()) }),
      /** Facts that must be confirmed for the ground to be stated; contradicted ones keep it out of every letter. */
      requires: z.array(z.enum(FACT_KEYS)),
      right: text,
      reason: text,
      notes: text.optional(),
      warnings: z.array(factWarning),
    }),
  ),
});

export const sendersFile = z.strictObject({
  version: z.string(),
  capacities: z.array(
    z.strictObject({
      id: z.enum(SENDER_CAPACITIES),
      label: text,
      /** Who sends and in what capacity, opening the letter. */
      intro: text,
      /** Whose rights the letter speaks of ("私" only when the performer signs). */
      holder: text,
      /** Printed under the signature. */
      role: text,
      attachments: z.array(slug),
    }),
  ),
  attachments: z.array(z.strictObject({ id: slug, label: text })),
});

const duration = z.strictObject({ days: z.number().positive().optional(), hours: z.number().positive().optional() });

export const deadlinesFile = z.strictObject({
  version: z.string(),
  countingNote: text,
  clocks: z.array(
    z.strictObject({
      id: slug,
      regimes: z.array(z.enum(LETTER_REGIMES)).min(1),
      duration,
      electionCandidate: duration.optional(),
      /** Days count from the recipient's receipt; the hours window from YouTube's notice to the uploader. */
      startsAt: z.enum(['receipt', 'uploader-notice']),
      /** Runs only for a designated large platform. */
      onlyDesignated: z.boolean(),
      basis: text,
      label: text,
      note: text,
    }),
  ),
  delivery: z.array(z.strictObject({ id: z.enum(DELIVERY_METHODS), days: z.number().int().min(0).max(14), label: text })),
  outcomes: z.array(z.strictObject({ id: slug, closes: z.boolean(), label: text })),
});

export const templateFile = z.strictObject({
  id: slug,
  regime: z.enum(LETTER_REGIMES),
  form: z.enum(GUIDELINE_FORMS).nullable(),
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
  /** The closing used when a ground is put as belief; null where the letter has no sworn closing to soften. */
  beliefClosing: text.nullable(),
  signature: text,
  notes: text,
  /** Ground families this letter carries. */
  carries: z.array(z.enum(GROUND_FAMILIES)).min(1),
  /** Facts the letter itself needs confirmed (a DMCA notice: the work, its owner, actual copying). */
  requires: z.array(z.enum(FACT_KEYS)),
  /** It contains a sworn statement (penalty of perjury): every fact it covers must be confirmed. */
  sworn: z.boolean(),
  /** 'designated': only to a designated large platform; 'youtube': only to YouTube's hosts; 'any'. */
  recipients: z.enum(['designated', 'youtube', 'any']),
  /** Sender capacities the regime accepts. */
  capacities: z.array(z.enum(SENDER_CAPACITIES)).min(1),
  attachments: z.array(slug),
  warnings: z.array(factWarning),
});

export type PlatformsFile = z.infer<typeof platformsFile>;
export type GroundsFile = z.infer<typeof groundsFile>;
export type GroundData = GroundsFile['grounds'][number];
export type SendersFile = z.infer<typeof sendersFile>;
export type DeadlinesFile = z.infer<typeof deadlinesFile>;
export type ClockData = DeadlinesFile['clocks'][number];
export type TemplateFile = z.infer<typeof templateFile>;
export type FactWarning = z.infer<typeof factWarning>;
