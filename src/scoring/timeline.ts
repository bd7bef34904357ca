// Per-window scores across a suspect clip against one voiceprint, so a reviewer sees where the voice
// matches (a clip that splices a real actor with an AI voice shows two different stretches).
import { applyCalibration, llrToProbability } from './calibration.js';
import type { Calibration } from './calibration.js';
import { scoringError } from './errors.js';
import { asNorm, cohortStats, DEFAULT_TOP_N } from './normalization.js';
import type { CohortStats } from './normalization.js';
import type { EmbeddingMatrix } from './matrix.js';

/** One analysis window of a clip (seconds) and its embedding. */
export interface TimedEmbedding {
  readonly start: number;
  readonly end: number;
  readonly embedding: Float32Array;
}

export interface TimelineOptions {
  /** Calibration to turn scores into LLR and %; its scoreKind decides whether AS-norm scores are used. */
  readonly calibration?: Calibration;
  /** AS-norm per window; enrollStats are the voiceprint's stats against the same cohort. */
  readonly normalization?: {
    readonly cohort: EmbeddingMatrix;
    readonly enrollStats: CohortStats;
    readonly topN?: number;
  };
  /** Centred moving average over this many windows (odd, >= 1; 1 = no smoothing). */
  readonly smoothWindows?: number;
}

export interface TimelinePoint {
  readonly start: number;
  readonly end: number;
  /** Raw cosine of this window (after smoothing, if asked). */
  readonly raw: number;
  readonly normalized?: number;
  readonly llr?: number;
  readonly percent?: number;
}

function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length)
    throw scoringError(
      'SCORING_DIM_MISMATCH',
      `Embedding sizes differ: ${a.length} vs ${b.length}`,
    );
  let d = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    d += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : d / Math.sqrt(na * nb);
}

/** Centred moving average; near the edges the window shrinks rather than padding with made-up values. */
export function movingAverage(xs: readonly number[], width: number): number[] {
  if (!Number.isInteger(width) || width < 1 || width % 2 === 0) {
    throw scoringError('SCORING_BAD_OPTION', 'Smoothing width must be an odd integer >= 1');
  }
  const h = (width - 1) / 2;
  return xs.map((_, i) => {
    let s = 0;
    let c = 0;
    for (let k = Math.max(0, i - h); k <= Math.min(xs.length - 1, i + h); k++) {
      s += xs[k] as number;
      c++;
    }
    return s / c;
  });
}

function l2(v: Float32Array): Float32Array {
  let s = 0;
  for (const x of v) s += x * x;
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  return v.map((x) => x * inv);
}

/** Scores each window against a voiceprint: raw cosine, optionally AS-norm, LLR and similarity %. */
export function scoreTimeline(
  windows: readonly TimedEmbedding[],
  voiceprint: Float32Array,
  opts: TimelineOptions = {},
): TimelinePoint[] {
  const cal = opts.calibration;
  const norm = opts.normalization;
  if (cal?.scoreKind === 'as-norm' && !norm) {
    throw scoringError(
      'SCORING_BAD_CALIBRATION',
      'This calibration was fitted on AS-norm scores: normalization is required',
    );
  }
  const width = opts.smoothWindows ?? 1;
  const raw = movingAverage(
    windows.map((w) => cosine(w.embedding, voiceprint)),
    width,
  );
  // Normalise each window with its own test-side stats, then smooth: AS-norm is not linear in the
  // window, so smoothing the raw cosine first would mix different windows' stats.
  const normalized = norm
    ? movingAverage(
        windows.map((w) => {
          const t = cohortStats(l2(w.embedding), norm.cohort, norm.topN ?? DEFAULT_TOP_N);
          return asNorm(cosine(w.embedding, voiceprint), norm.enrollStats, t);
        }),
        width,
      )
    : undefined;
  return windows.map((w, i) => {
    const r = raw[i] as number;
    const nz = normalized?.[i];
    const base = {
      start: w.start,
      end: w.end,
      raw: r,
      ...(nz === undefined ? {} : { normalized: nz }),
    };
    if (!cal) return base;
    // Calibration is affine, so calibrating the smoothed score equals smoothing the calibrated one.
    const llr = applyCalibration(cal, cal.scoreKind === 'as-norm' ? (nz as number) : r);
    return { ...base, llr, percent: 100 * llrToProbability(llr) };
  });
}

/** A stretch of consecutive windows whose score stays at or above a threshold. */
export interface MatchRegion {
  readonly start: number;
  readonly end: number;
  readonly windowCount: number;
  readonly peak: number;
  readonly mean: number;
}

export interface RegionOptions {
  /** Which score the threshold applies to (default: llr when present, else raw). */
  readonly field?: 'raw' | 'normalized' | 'llr' | 'percent';
  /** Merge regions separated by at most this many seconds (default 0: windows must touch or overlap). */
  readonly maxGap?: number;
  /** Drop regions shorter than this many seconds (default 0). */
  readonly minDuration?: number;
}

/** Finds the contiguous stretches of a timeline scoring >= threshold. */
export function findMatchingRegions(
  points: readonly TimelinePoint[],
  threshold: number,
  opts: RegionOptions = {},
): MatchRegion[] {
  const field = opts.field ?? (points[0]?.llr !== undefined ? 'llr' : 'raw');
  const maxGap = opts.maxGap ?? 0;
  const minDuration = opts.minDuration ?? 0;
  const regions: MatchRegion[] = [];
  let cur: { start: number; end: number; n: number; peak: number; sum: number } | undefined;
  const flush = (): void => {
    if (cur && cur.end - cur.start >= minDuration) {
      regions.push({
        start: cur.start,
        end: cur.end,
        windowCount: cur.n,
        peak: cur.peak,
        mean: cur.sum / cur.n,
      });
    }
    cur = undefined;
  };
  for (const p of points) {
    const v = p[field];
    if (v === undefined)
      throw scoringError('SCORING_BAD_OPTION', `Timeline has no ${field} scores`);
    if (v < threshold) {
      // A window below threshold ends the region unless merging gaps is allowed and a later window resumes it.
      if (maxGap === 0) flush();
      continue;
    }
    if (cur && p.start - cur.end <= maxGap) {
      cur.end = Math.max(cur.end, p.end);
      cur.n++;
      cur.peak = Math.max(cur.peak, v);
      cur.sum += v;
    } else {
      flush();
      cur = { start: p.start, end: p.end, n: 1, peak: v, sum: v };
    }
  }
  flush();
  return regions;
}
