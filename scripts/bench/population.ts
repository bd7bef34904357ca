/**
 * Population check benchmark: 2,000 synthetic performers (half with two references, four windows each),
 * 192-dim, scored with the app's cohort rule and a calibration. The budget is under 10 s.
 */
import { meanOfNormalized } from '../../src/embedding/vectors.js';
import { buildScoringCohort } from '../../src/scoring/cohort-rule.js';
import { checkPopulation } from '../../src/scoring/population-check.js';
import type { PopulationPerformer } from '../../src/scoring/population-check.js';
import { DEFAULT_BANDS } from '../../src/scoring/verdict.js';
import { printTable } from './table.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function runPopulationBench(n = 2000, dim = 192): Promise<void> {
  const r = rng(7);
  const g = () => (r() + r() + r() - 1.5) * 2;
  const performers: PopulationPerformer[] = Array.from({ length: n }, (_, i) => {
    const voice = Float32Array.from({ length: dim }, g);
    const ref = () => Array.from({ length: 4 }, () => Float32Array.from(voice, (x) => x + 0.8 * g()));
    return { id: `p${i}`, references: i % 2 === 0 ? [ref(), ref()] : [ref()] };
  });
  const vps = performers.map((p) => meanOfNormalized(p.references.flat()));
  const cohort = buildScoringCohort(performers.map((p, i) => ({ performerId: p.id, vector: vps[i] as Float32Array })), []);
  const cal = { a: 1.2, b: -3, prior: 0.5, nTarget: 1, nNonTarget: 1, fittedAt: '', scoreKind: 'as-norm' as const };
  const t0 = performance.now();
  const c = checkPopulation(performers, vps, { cohort, calibration: cal, bands: DEFAULT_BANDS, withheld: null }, new Map([['very-high', 0.02]]));
  const ms = performance.now() - t0;
  printTable(`Population check (${n} synthetic performers, ${dim}-dim, cohort top-${cohort?.topN})`, ['targets', 'non-targets', 'ms'], [[c.targetTrials, c.nonTargetTrials, Math.round(ms)]]);
}

if (process.argv[1]?.endsWith('population.ts')) await runPopulationBench();
