/**
 * THE list of operations the UI (and CLI, and e2e harness) may call: input schemas and result types.
 * This module imports only zod, so the renderer and the Electron main process can use it safely.
 */
import { z } from 'zod';
import { idSchema, notesText, optionalDateTime, optionalText, requiredText } from './fields.js';
import type { ModelSummary } from '../models/manifest.js';
import type { CatalogItem } from '../models/catalog.js';
import { AI_USES } from '../domain/workbench.js';
import { letterContract } from './contract-letters.js';
import { populationContract } from './contract-population.js';
import { evidenceContract } from './contract-evidence.js';
import { captureContract } from './contract-capture.js';
import { cliContract } from './contract-cli.js';
import { CASE_STATUSES } from '../domain/cases.js';
import type { AuditVerification, Case, CaseDetail } from '../domain/cases.js';
import type { CitedScore } from '../letters/scores.js';
import type { AppInfo, Performer, PerformerDetail } from '../domain/performers.js';
import type {
  Comparison,
  JobStatus,
  PerformerOverview,
  Recording,
  ScoreDistribution,
  ScreeningRun,
  Settings,
  Spectrogram,
  Suspect,
  VoiceprintStatus,
  Waveform,
} from '../domain/workbench.js';


const performerFields = {
  name: requiredText('Name'),
  kana: optionalText('Kana'),
  romaji: optionalText('Romaji'),
  agency: optionalText('Agency'),
  notes: notesText('Notes'),
  consent: z
    .strictObject({
      allowedUses: z.array(z.enum(AI_USES)).max(AI_USES.length),
      statedOn: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Use the form YYYY-MM-DD' })
        .nullish()
        .transform((v) => v ?? null),
      source: optionalText('Source', 500).transform((v) => v ?? null),
    })
    .nullish(),
  /** Language the performer records in: a primary language code (ja, en, zh, ko…). */
  language: z.string().regex(/^[a-z]{2,3}$/, { error: 'Use a language code such as ja or en' }).optional(),
};

const suspectFields = {
  kind: z.enum(['voice_model', 'clip']),
  label: requiredText('Label'),
  service: optionalText('Service'),
  operator: optionalText('Operator'),
  characterName: optionalText('Character name'),
  url: optionalText('URL', 2000).refine((u) => u == null || /^https?:\/\/[^\s]+$/i.test(u), {
    error: 'Only http:// or https:// addresses',
  }),
  platform: optionalText('Platform'),
  uploader: optionalText('Uploader'),
  postedAt: optionalDateTime('Posted at'),
  capturedAt: optionalDateTime('Captured at'),
  foundAt: optionalDateTime('Found at'),
  notes: notesText('Notes'),
  postTitle: optionalText('Post title', 200),
};

/** The most bytes one upload may carry (the decoder's own compressed-size limit; larger models are imported from the CLI). */
export const MAX_UPLOAD_BYTES = 512 * 2 ** 20;

/** A file's bytes sent from the UI (drag and drop or file dialog): a name for the record, never a path. */
const fileUpload = {
  name: z
    .string()
    .min(1)
    .max(255)
    // eslint-disable-next-line no-control-regex -- NUL is exactly what must be refused in a name
    .refine((n) => !/[\\/\u0000]/.test(n) && n !== '.' && n !== '..', { error: 'A file name, not a path' }),
  bytes: z
    .instanceof(Uint8Array)
    .refine((b) => b.byteLength > 0, { error: 'The file is empty' })
    .refine((b) => b.byteLength <= MAX_UPLOAD_BYTES, { error: `The file is larger than ${MAX_UPLOAD_BYTES / 2 ** 20} MiB` }),
};

const modelIdInput = z.string().min(1).max(100).nullish();

const caseFields = {
  title: optionalText('Title'),
  platform: optionalText('Platform'),
  legalGrounds: notesText('Legal grounds', 2000),
  notes: notesText('Notes'),
  modelId: modelIdInput,
};

/** A pack in <dataDir>/exports/, by bare file name (never a path). */


export const contract = {
  'app.info': { input: z.strictObject({}), output: {} as AppInfo },
  'performers.list': { input: z.strictObject({}), output: [] as Performer[] },
  'performers.overview': { input: z.strictObject({}), output: [] as PerformerOverview[] },
  'performers.create': { input: z.strictObject(performerFields), output: {} as Performer },
  'performers.update': {
    input: z.strictObject({
      id: idSchema,
      name: performerFields.name.optional(),
      kana: performerFields.kana,
      romaji: performerFields.romaji,
      agency: performerFields.agency,
      notes: performerFields.notes,
      consent: performerFields.consent,
      language: performerFields.language,
    }),
    output: {} as Performer,
  },
  'performers.remove': { input: z.strictObject({ id: idSchema }), output: { id: '' } as { id: string } },
  'performers.get': { input: z.strictObject({ id: idSchema }), output: {} as PerformerDetail },
  'references.import': {
    input: z.strictObject({ performerId: idSchema, ...fileUpload }),
    output: {} as { recording: Recording; duplicate: boolean },
  },
  'recordings.remove': { input: z.strictObject({ id: idSchema }), output: { id: '' } as { id: string } },
  'performers.enroll': {
    input: z.strictObject({ id: idSchema, modelId: modelIdInput }),
    output: {} as VoiceprintStatus,
  },
  'suspects.list': { input: z.strictObject({}), output: [] as Suspect[] },
  'suspects.get': { input: z.strictObject({ id: idSchema }), output: {} as Suspect },
  'suspects.create': { input: z.strictObject(suspectFields), output: {} as Suspect },
  'suspects.update': {
    input: z.strictObject({ id: idSchema, ...suspectFields, kind: suspectFields.kind.optional(), label: suspectFields.label.optional() }),
    output: {} as Suspect,
  },
  'suspects.remove': { input: z.strictObject({ id: idSchema }), output: { id: '' } as { id: string } },
  'suspects.importClip': {
    input: z.strictObject({ suspectId: idSchema, ...fileUpload }),
    output: {} as { recording: Recording; duplicate: boolean },
  },
  'screening.start': { input: z.strictObject({ modelId: modelIdInput }), output: {} as JobStatus },
  'screening.latest': { input: z.strictObject({ modelId: modelIdInput }), output: null as ScreeningRun | null },
  'screening.csv': { input: z.strictObject({ runId: idSchema, lang: z.enum(['ja', 'en']) }), output: '' as string },
  /** The running screening job, else the last one since the app started: a page opened mid-run follows it. */
  'screening.current': { input: z.strictObject({}), output: null as JobStatus | null },
  'jobs.status': { input: z.strictObject({ id: idSchema }), output: {} as JobStatus },
  'jobs.cancel': { input: z.strictObject({ id: idSchema }), output: {} as JobStatus },
  'compare.get': {
    input: z.strictObject({
      performerId: idSchema,
      suspectId: idSchema,
      modelId: modelIdInput,
      lang: z.enum(['ja', 'en']),
      suspectRecordingId: idSchema.nullish(),
      referenceRecordingId: idSchema.nullish(),
    }),
    output: {} as Comparison,
  },
  /** The population check's same/different-speaker normalised scores, with this score placed among them. */
  'compare.distribution': {
    input: z.strictObject({ modelId: modelIdInput, score: z.number().finite().min(-1000).max(1000) }),
    output: null as ScoreDistribution | null,
  },
  'audio.waveform': {
    input: z.strictObject({ recordingId: idSchema, points: z.number().int().min(16).max(4000) }),
    output: {} as Waveform,
  },
  'audio.spectrogram': { input: z.strictObject({ recordingId: idSchema }), output: {} as Spectrogram },
  'audio.wav': { input: z.strictObject({ recordingId: idSchema }), output: new Uint8Array() as Uint8Array },
  'settings.get': { input: z.strictObject({}), output: {} as Settings },
  'settings.update': {
    input: z.strictObject({
      bands: z
        .array(
          z.strictObject({
            key: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/),
            minPercent: z.number().min(0).max(100),
            labelJa: requiredText('Label', 40),
            labelEn: requiredText('Label', 40),
          }),
        )
        .min(1)
        .max(10),
    }),
    output: {} as Settings,
  },
  'models.list': { input: z.strictObject({}), output: [] as ModelSummary[] },
  'models.catalog': { input: z.strictObject({}), output: [] as CatalogItem[] },
  'models.setDefault': { input: z.strictObject({ id: z.string().min(1).max(100) }), output: {} as ModelSummary },
  'models.importFile': {
    input: z.strictObject({ ...fileUpload, preset: z.enum(['wespeaker', '3dspeaker']).nullish() }),
    output: {} as ModelSummary,
  },
  /** Catalog ids only: the renderer can never make the core fetch an address of its choosing. */
  'models.install': {
    input: z.strictObject({ catalogId: z.string().regex(/^[a-z0-9][a-z0-9+._-]{0,99}$/, { error: 'A catalog id, not an address' }) }),
    output: {} as JobStatus,
  },
  'cases.list': { input: z.strictObject({}), output: [] as Case[] },
  'cases.get': { input: z.strictObject({ id: idSchema }), output: {} as CaseDetail },
  /** One score per performer × suspect of the case: the one last exported as evidence, else the latest screening. */
  'cases.scores': { input: z.strictObject({ id: idSchema }), output: [] as CitedScore[] },
  'cases.create': { input: z.strictObject({ ...caseFields, performerIds: z.array(idSchema).min(1).max(50), suspectIds: z.array(idSchema).min(1).max(200) }), output: {} as CaseDetail },
  'cases.update': { input: z.strictObject({ id: idSchema, ...caseFields }), output: {} as CaseDetail },
  'cases.updateStatus': { input: z.strictObject({ id: idSchema, status: z.enum(CASE_STATUSES), note: notesText('Note', 2000) }), output: {} as CaseDetail },
  'audit.verify': { input: z.strictObject({}), output: {} as AuditVerification },
  ...letterContract,
  ...populationContract,
  ...evidenceContract,
  ...captureContract,
  ...cliContract,
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
/** What a caller passes (before validation). */
export type InputOf<K extends OperationName> = z.input<Contract[K]['input']>;
/** What a handler receives (after validation and transforms). */
export type ParsedInputOf<K extends OperationName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends OperationName> = Contract[K]['output'];

export const OPERATION_NAMES = Object.keys(contract) as OperationName[];

export function isOperationName(op: unknown): op is OperationName {
  return typeof op === 'string' && Object.prototype.hasOwnProperty.call(contract, op);
}

export type { Result, FieldIssue } from '../core/result.js';
export type { ErrorCode } from '../core/errors.js';
export type { ModelSummary, Preset } from '../models/manifest.js';
export type { CatalogItem } from '../models/catalog.js';
export type * from '../domain/workbench.js';
export type * from '../domain/performers.js';
export type * from '../domain/cases.js';
export type { CitedScore } from '../letters/scores.js';
export { CASE_STATUSES } from '../domain/cases.js';
export { KNOWN_TSAS } from '../domain/evidence.js';
export { AI_USES } from '../domain/workbench.js';
export { formatSimilarity } from '../domain/format.js';
export { MIN_SCORED_SPEECH_SECONDS, SHORT_SPEECH_SECONDS } from '../domain/short-speech.js';
export type * from '../domain/letters.js';
export type * from '../domain/population.js';
export { WITHHELD_BAND, POPULATION_MIN_PERFORMERS, POPULATION_MIN_MULTI_REFERENCE } from '../domain/population.js';
export type * from '../domain/evidence.js';
export type * from './cli-types.js';
export type * from '../domain/cli-results.js';
export { isCliOnlyOperation } from './contract-cli.js';
export { LETTER_REGIMES, LETTER_FORMATS, OPERATOR_REGIMES, DELIVERY_METHODS, FACT_KEYS, GUIDELINE_FORMS, SENDER_CAPACITIES } from '../domain/letters.js';
export type * from '../domain/capture.js';
export { PAGE_FIELDS } from '../domain/capture.js';
