// Which embeddings the AS-norm cohort is made of, and how many of the closest are used (top-N).
// The rule (measured in docs/population-scoring.md): the relevant population first. The enrolled
// performers are the cohort; the trial's own performer is always left out (see makeScorer). The shipped
// cohort of the model's training speakers fills in only while fewer than COHORT_FILL_BELOW performers
// are enrolled, and top-N adapts to the cohort: a fifth of its rows, at least 5, at most 100.
import { packEmbeddings } from './matrix.js';
import type { ScoringCohort } from './scorer.js';

/** Below this many enrolled performers the shipped cohort fills in. */
export const COHORT_FILL_BELOW = 20;
/** Fewer usable rows than this give AS-norm statistics too noisy to report: no cohort then. */
export const MIN_COHORT_ROWS = 5;

export interface CohortRule {
  /** 'population': performers, shipped rows only to fill in; 'mixed': shipped plus performers (the old rule). */
  readonly source: 'population' | 'mixed' | 'shipped';
  /** A fixed top-N, or 'adaptive' (see topNFor). */
  readonly topN: number | 'adaptive';
  readonly fillBelow: number;
}

export const APP_COHORT_RULE: CohortRule = { source: 'population', topN: 'adaptive', fillBelow: COHORT_FILL_BELOW };
/** The rule before the population fix, kept for the measurements that show why it was dropped. */
export const LEGACY_COHORT_RULE: CohortRule = { source: 'mixed', topN: 300, fillBelow: 0 };

/** Adaptive top-N: a fifth of the cohort, within [5, 100]. */
export function topNFor(rows: number): number {
  return Math.max(5, Math.min(100, Math.round(rows / 5)));
}

/** The AS-norm cohort under a rule, or undefined when too few rows are available. */
export function buildScoringCohort(
  performers: readonly { performerId: string; vector: Float32Array }[],
  shipped: readonly Float32Array[],
  rule: CohortRule = APP_COHORT_RULE,
): (ScoringCohort & { performerRows: number; shippedRows: number }) | undefined {
  const dim = performers[0]?.vector.length ?? shipped[0]?.length ?? 0;
  const usableShipped = shipped.filter((v) => v.length === dim);
  const usePerformers = rule.source !== 'shipped';
  const useShipped = rule.source !== 'population' || performers.length < rule.fillBelow;
  const rows: Float32Array[] = [];
  const owners: (string | null)[] = [];
  if (usePerformers)
    for (const p of performers) {
      rows.push(p.vector);
      owners.push(p.performerId);
    }
  if (useShipped)
    for (const v of usableShipped) {
      rows.push(v);
      owners.push(null);
    }
  // Two owners are left out of every trial: keep enough rows for a standard deviation after that.
  if (rows.length < MIN_COHORT_ROWS + 2) return undefined;
  const topN = rule.topN === 'adaptive' ? topNFor(rows.length - 2) : Math.min(rule.topN, rows.length - 2);
  return {
    matrix: packEmbeddings(rows, dim),
    owners,
    topN,
    performerRows: usePerformers ? performers.length : 0,
    shippedRows: useShipped ? usableShipped.length : 0,
  };
}
