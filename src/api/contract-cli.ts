/**
 * Operations only the command line may call: they take paths on the local disk, or an address to
 * download from, so they must never be reachable from the renderer. `electron/ipc.ts` refuses every
 * name listed here (see `isCliOnlyOperation`); the CLI reaches them through the same `invoke` as the rest.
 */
import { z } from 'zod';
import { optionalText } from './fields.js';
import { evidenceCliContract } from './contract-evidence.js';
import type { ModelSummary } from '../models/manifest.js';
import type { JobStatus } from '../domain/workbench.js';
import type { EvaluationReport, FileEmbeddingResult, FilesComparison } from '../domain/index.js';
import type { DoctorReport, FbankFileResult, ImportedModel, ModelCheck, DecodedFileResult, QualityReport } from './cli-types.js';

/** A path on this machine, as the shell passed it. */
const localPath = z.string().min(1).max(4096);
const preset = z.enum(['wespeaker', '3dspeaker']);

export const cliContract = {
  'models.importPath': {
    input: z.strictObject({ path: localPath, preset: z.string().max(40).nullish(), displayName: optionalText('Name') }),
    output: {} as ImportedModel,
  },
  /** Starts the model-install job from an address; `sha256` is required (checked by the installer, so its error is specific). */
  'models.installUrl': {
    input: z.strictObject({
      url: z.string().min(1).max(2000),
      sha256: z.string().max(200).nullish(),
      preset: z.string().max(40).nullish(),
      displayName: optionalText('Name'),
      stallTimeoutSeconds: z.number().min(1).max(3600).default(30),
    }),
    output: {} as JobStatus,
  },
  'models.verify': { input: z.strictObject({}), output: [] as ModelCheck[] },
  'audio.decodeFile': { input: z.strictObject({ path: localPath, out: localPath }), output: {} as DecodedFileResult },
  'audio.probeFile': { input: z.strictObject({ path: localPath }), output: {} as QualityReport },
  'features.fbankFile': {
    input: z.strictObject({ path: localPath, preset, cmn: z.boolean().default(false), out: localPath }),
    output: {} as FbankFileResult,
  },
  /** Checks the data folder; with `fix`, repairs what can be repaired safely (orphans, stray temp files). */
  'doctor.run': { input: z.strictObject({ fix: z.boolean().default(false) }), output: {} as DoctorReport },
  /** `seimon embed FILE`. */
  'embed.file': { input: z.strictObject({ file: localPath, modelId: z.string().min(1).max(100).nullish() }), output: {} as FileEmbeddingResult },
  /** `seimon compare A B`: scored as the app scores, with this data folder's population. */
  'compare.files': {
    input: z.strictObject({ a: localPath, b: localPath, modelId: z.string().min(1).max(100).nullish(), lang: z.enum(['ja', 'en']).default('en') }),
    output: {} as FilesComparison,
  },
  /** `seimon eval` / `seimon calibrate --trials`: a job; its report comes from eval.result. */
  'eval.start': {
    input: z.strictObject({
      mode: z.enum(['eval', 'calibrate']),
      trials: localPath,
      modelId: z.string().min(1).max(100).nullish(),
      scoring: z.enum(['raw-cosine', 'app']).default('raw-cosine'),
      population: localPath.nullish(),
      cohort: localPath.nullish(),
      scores: localPath.nullish(),
      plots: localPath.nullish(),
    }),
    output: {} as JobStatus,
  },
  'eval.result': { input: z.strictObject({ jobId: z.string().min(1).max(100) }), output: {} as EvaluationReport },
  /** Evidence packs at paths the user names (seimon evidence export, seimon verify). */
  ...evidenceCliContract,
} as const;

export type CliOperationName = keyof typeof cliContract;

const CLI_ONLY: ReadonlySet<string> = new Set(Object.keys(cliContract));

/** True for operations that only the CLI may call (never over IPC). */
export function isCliOnlyOperation(op: string): boolean {
  return CLI_ONLY.has(op);
}

export type { ModelSummary };
