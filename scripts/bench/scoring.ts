/**
 * Scoring benchmark: N suspects x M performers screening (raw, AS-norm, calibrated) and the eval
 * metrics on a few thousand trials. Synthetic unit vectors: the cost depends only on the sizes.
 */
import { fileURLToPath } from 'node:url';
import { fitCalibration } from '../../src/scoring/calibration.js';
import { packEmbeddings } from '../../src/scoring/matrix.js';
import { cllr, eer, minCllr, minDcf, sortTrials } from '../../src/scoring/metrics.js';
import { cohortStatsBatch } from '../../src/scoring/normalization.js';
import { screen } from '../../src/scoring/screening.js';
import type { ScreeningItem } from '../../src/scoring/screening.js';
import { printTable } from './table.js';
import { mulberry32 } from '../../src/core/prng.js';

const rng = mulberry32;

function items(n: number, dim: number, rand: () => number, prefix: string): ScreeningItem[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    embedding: Float32Array.from({ length: dim }, () => rand() - 0.5),
  }));
}

function ms(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/** Best of `reps` runs after one warm-up, so JIT compilation is not counted. */
function best(f: () => unknown, reps = 3): number {
  f();
  return Math.min(...Array.from({ length: reps }, () => ms(f)));
}

export async function runScoringBench(): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const dim of [192, 256]) {
    const rand = rng(dim);
    const performers = items(2000, dim, rand, 'p');
    const suspects = items(200, dim, rand, 's');
    const shipped = items(1000, dim, rand, 'c');
    // Cohort = the enrolled performers plus a shipped cohort, as the issue describes.
    const cohort = packEmbeddings(
      [...performers, ...shipped].map((x) => x.embedding),
      dim,
    );
    const performerRows = performers.map((_, j) => j);
    const cal = {
      a: 8,
      b: -2,
      prior: 0.5,
      nTarget: 1,
      nNonTarget: 1,
      fittedAt: '',
      scoreKind: 'as-norm' as const,
    };
    const topN = 300;
    const pStatsMs = best(
      () =>
        cohortStatsBatch(
          packEmbeddings(
            performers.map((x) => x.embedding),
            dim,
          ),
          cohort,
          topN,
          performerRows,
        ),
      1,
    );
    const performerStats = cohortStatsBatch(
      packEmbeddings(
        performers.map((x) => x.embedding),
        dim,
      ),
      cohort,
      topN,
      performerRows,
    );
    rows.push([dim, 'raw cosine, top-5 + overall 100', best(() => screen(suspects, performers))]);
    rows.push([
      dim,
      `AS-norm (cohort ${cohort.rows}, top-${topN}), performer stats cached, calibrated`,
      best(() =>
        screen(suspects, performers, {
          cohort: { matrix: cohort, topN, performerStats },
          calibration: cal,
        }),
      ),
    ]);
    rows.push([dim, 'performer cohort stats (once per enrolment change)', pStatsMs]);
    rows.push([
      dim,
      'AS-norm cold (both sides computed), calibrated',
      best(
        () =>
          screen(suspects, performers, {
            cohort: { matrix: cohort, topN, performerRows },
            calibration: cal,
          }),
        1,
      ),
    ]);
  }
  const rand = rng(7);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const tar = Array.from({ length: 1000 }, () => 2 + gauss());
  const non = Array.from({ length: 4000 }, () => gauss());
  rows.push([
    '-',
    'eval 5,000 trials: sort + EER + minDCF + Cllr + min Cllr + fit',
    best(() => {
      const tr = sortTrials(tar, non);
      eer(tr);
      minDcf(tr);
      cllr(tr);
      minCllr(tr);
      fitCalibration(tar, non);
    }),
  ]);
  printTable(
    'Scoring: 200 suspects x 2,000 performers (ms, best of 3)',
    ['dim', 'step', 'ms'],
    rows,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runScoringBench();
