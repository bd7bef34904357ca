/**
 * Operations of the population check (read it, run it as a job, recalibrate on it), spread into the
 * contract. Imports only zod and pure types, like contract.ts. The CLI's scoring tools that take paths
 * (embed.file, compare.files, eval.start, eval.result) are in contract-cli.ts, which the IPC route refuses.
 */
import { z } from 'zod';
import type { JobStatus, PopulationCalibration, PopulationCheck, PopulationFigures } from '../domain/index.js';

const modelId = z.string().min(1).max(100).nullish();

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
} as const;
