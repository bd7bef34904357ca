// N suspects x M performers: one score matrix, then the best matches per suspect, per performer and
// overall. Cohort stats are computed once per side (not per pair), so AS-norm adds O(N + M) work.
import { applyCalibration, llrToProbability } from './calibration.js';
import type { Calibration, ScoreKind } from './calibration.js';
import { scoringError } from './errors.js';
import { dotAll, packEmbeddings } from './matrix.js';
import type { EmbeddingMatrix } from './matrix.js';
import { cohortStatsBatch, DEFAULT_TOP_N } from './normalization.js';
import type { CohortStatsBatch } from './normalization.js';
import { topIndices } from './topk.js';

/** A suspect clip or a performer's voiceprint. */
export interface ScreeningItem {
  readonly id: string;
  readonly embedding: Float32Array;
}

export interface ScreeningCohort {
  readonly matrix: EmbeddingMatrix;
  readonly topN?: number;
  /** performerRows[j]: performer j's own row in the cohort (excluded from its stats), or -1. */
  readonly performerRows?: ArrayLike<number>;
  /** Performer-side stats computed earlier against this same cohort and topN (they change only on enrolment). */
  readonly performerStats?: CohortStatsBatch;
}

export interface ScreeningOptions {
  readonly cohort?: ScreeningCohort;
  readonly calibration?: Calibration;
  /** Matches kept per suspect and per performer (default 5). */
  readonly topK?: number;
  /** Length of the overall ranked list (default 100). */
  readonly overallLimit?: number;
}

export interface ScreeningMatch {
  readonly suspectId: string;
  readonly performerId: string;
  readonly raw: number;
  readonly normalized?: number;
  readonly llr?: number;
  /** 100 * sigmoid(llr): the similarity % at even prior, only when calibrated. */
  readonly percent?: number;
}

export interface ScreeningResult {
  /** The score every list is ranked by. */
  readonly rankedBy: 'llr' | ScoreKind;
  /** suspects x performers raw cosines, row-major. */
  readonly raw: Float32Array;
  /** suspects x performers AS-norm scores, when a cohort was given. */
  readonly normalized?: Float32Array;
  readonly perSuspect: ScreeningMatch[][];
  readonly perPerformer: ScreeningMatch[][];
  readonly overall: ScreeningMatch[];
}

function normalizeMatrix(
  raw: Float32Array,
  s: CohortStatsBatch,
  p: CohortStatsBatch,
  m: number,
): Float32Array {
  const out = new Float32Array(raw.length);
  for (let i = 0; i < s.mean.length; i++) {
    const ms = s.mean[i] as number;
    const is = 1 / (s.sd[i] as number);
    for (let j = 0; j < m; j++) {
      const r = raw[i * m + j] as number;
      out[i * m + j] = 0.5 * ((r - ms) * is + (r - (p.mean[j] as number)) / (p.sd[j] as number));
    }
  }
  return out;
}

/** Scores every suspect against every performer and ranks the matches. */
export function screen(
  suspects: readonly ScreeningItem[],
  performers: readonly ScreeningItem[],
  opts: ScreeningOptions = {},
): ScreeningResult {
  const topK = opts.topK ?? 5;
  const limit = opts.overallLimit ?? 100;
  const cal = opts.calibration;
  if (cal?.scoreKind === 'as-norm' && !opts.cohort) {
    throw scoringError(
      'SCORING_BAD_CALIBRATION',
      'This calibration was fitted on AS-norm scores: a cohort is required',
    );
  }
  const dim = performers[0]?.embedding.length ?? suspects[0]?.embedding.length ?? 0;
  const S = packEmbeddings(
    suspects.map((x) => x.embedding),
    dim,
  );
  const P = packEmbeddings(
    performers.map((x) => x.embedding),
    dim,
  );
  const n = S.rows;
  const m = P.rows;
  const raw = dotAll(S, P);
  let normalized: Float32Array | undefined;
  if (opts.cohort) {
    const topN = opts.cohort.topN ?? DEFAULT_TOP_N;
    const sStats = cohortStatsBatch(S, opts.cohort.matrix, topN);
    const pStats =
      opts.cohort.performerStats ??
      cohortStatsBatch(P, opts.cohort.matrix, topN, opts.cohort.performerRows);
    if (pStats.mean.length !== m)
      throw scoringError('SCORING_BAD_OPTION', 'performerStats does not match the performers');
    normalized = normalizeMatrix(raw, sStats, pStats, m);
  }
  // Calibration is increasing, so ranking by the score it is applied to ranks by LLR too.
  const key = cal ? (cal.scoreKind === 'as-norm' ? normalized : raw) : (normalized ?? raw);
  const keyMatrix = key ?? raw;
  const match = (i: number, j: number): ScreeningMatch => {
    const k = i * m + j;
    const norm = normalized?.[k];
    const base = {
      suspectId: suspects[i]?.id ?? '',
      performerId: performers[j]?.id ?? '',
      raw: raw[k] as number,
    };
    if (!cal) return norm === undefined ? base : { ...base, normalized: norm };
    const llr = applyCalibration(cal, keyMatrix[k] as number);
    return {
      ...base,
      ...(norm === undefined ? {} : { normalized: norm }),
      llr,
      percent: 100 * llrToProbability(llr),
    };
  };
  const perSuspect = Array.from({ length: n }, (_, i) =>
    topIndices(m, topK, (j) => keyMatrix[i * m + j] as number).map((j) => match(i, j)),
  );
  const perPerformer = Array.from({ length: m }, (_, j) =>
    topIndices(n, topK, (i) => keyMatrix[i * m + j] as number).map((i) => match(i, j)),
  );
  const overall = topIndices(n * m, limit, (k) => keyMatrix[k] as number).map((k) =>
    match(Math.floor(k / m), k % m),
  );
  return {
    rankedBy: cal ? 'llr' : normalized ? 'as-norm' : 'raw-cosine',
    raw,
    ...(normalized ? { normalized } : {}),
    perSuspect,
    perPerformer,
    overall,
  };
}
