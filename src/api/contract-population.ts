/**
 * Operations of the population check and the scoring tools, spread into the contract. Imports only zod
 * and pure types, like contract.ts. The CLI-only operations take file paths: the IPC route refuses them
 * (CLI_ONLY_OPERATIONS), so a window can never name a path on the user's disk.
 */
import { z } from 'zod';
import type { EvaluationReport, FileEmbeddingResult, FilesComparison, JobStatus, PopulationCalibration, PopulationCheck, PopulationFigures } from '../domain/index.js';
import { idSchema } from './fields.js';

const modelId = z.string().min(1).max(100).nullish();
/** A path on this machine, for CLI-only operations. */
const localPath = z
  .string()
  .min(1)
  .max(4096)
  // eslint-disable-next-line no-control-regex -- NUL is never part of a path
  .refine((p) => !/\u0000/.test(p), { error: 'Not a path' });

export const populationContract = {
  'population.get': {
    input: z.strictObject({ modelId }),
    output: {} as { check: PopulationCheck | null; upToDate: boolean; figures: PopulationFigures; running: JobStatus | null },
  },
  'population.check': { input: z.strictObject({ modelId }), output: {} as JobStatus },
  'population.calibrate': {
    input: z.strictObject({ modelId, consent: z.literal(true, { error: 'Confirm the recalibration first' }) }),
    output: {} as PopulationCalibration,
  },
  'embed.file': { input: z.strictObject({ file: localPath, modelId }), output: {} as FileEmbeddingResult },
  'compare.files': { input: z.strictObject({ a: localPath, b: localPath, modelId, lang: z.enum(['ja', 'en']).default('en') }), output: {} as FilesComparison },
  'eval.start': {
    input: z.strictObject({
      mode: z.enum(['eval', 'calibrate']),
      trials: localPath,
      modelId,
      scoring: z.enum(['raw-cosine', 'app']).default('raw-cosine'),
      population: localPath.nullish(),
      cohort: localPath.nullish(),
      scores: localPath.nullish(),
      plots: localPath.nullish(),
    }),
    output: {} as JobStatus,
  },
  'eval.result': { input: z.strictObject({ jobId: idSchema }), output: {} as EvaluationReport },
} as const;

/** Operations only the CLI (in-process) may call: they read or write paths on this machine. */
export const CLI_ONLY_OPERATIONS: readonly string[] = ['embed.file', 'compare.files', 'eval.start', 'eval.result'];

export function isCliOnlyOperation(op: string): boolean {
  return CLI_ONLY_OPERATIONS.includes(op);
}
