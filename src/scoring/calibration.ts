// Linear logistic-regression calibration, score -> LLR (natural log), after Brümmer's FoCal: the
// cross-entropy of each class is averaged separately and weighted by an effective prior, so the fit
// does not depend on how many target vs non-target trials happened to be collected.
import { scoringError } from './errors.js';
import { softplus } from './cllr.js';

/** Which score a calibration was fitted on; it must only ever be applied to the same kind. */
export type ScoreKind = 'raw-cosine' | 'as-norm';

/** A fitted calibration: llr = a * score + b. Stored with the model, so plain JSON. */
export interface Calibration {
  readonly a: number;
  readonly b: number;
  /** Effective target prior used in the fit (FoCal-style weighting), 0.5 by default. */
  readonly prior: number;
  readonly nTarget: number;
  readonly nNonTarget: number;
  /** ISO 8601 time of the fit. */
  readonly fittedAt: string;
  readonly scoreKind: ScoreKind;
}

export interface FitOptions {
  /** Effective target prior; 0.5 weights the two classes equally. */
  readonly prior?: number;
  /** L2 penalty on the slope of the standardised score; keeps separable data finite. */
  readonly l2?: number;
  readonly scoreKind?: ScoreKind;
  /** Injected clock, so tests and reproducible runs get a fixed fittedAt. */
  readonly now?: () => Date;
}

const logit = (p: number): number => Math.log(p / (1 - p));
const sigmoid = (x: number): number =>
  x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));

function checkScores(values: ArrayLike<number>, label: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]))
      throw scoringError('SCORING_NOT_FINITE', `${label} score ${i} is not finite`);
  }
}

function meanAndSd(t: ArrayLike<number>, n: ArrayLike<number>): { mean: number; sd: number } {
  let s = 0;
  let s2 = 0;
  const all = t.length + n.length;
  for (const arr of [t, n]) {
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i] ?? 0;
      s += v;
      s2 += v * v;
    }
  }
  const mean = s / all;
  const sd = Math.sqrt(Math.max(0, s2 / all - mean * mean));
  return { mean, sd: sd > 1e-12 ? sd : 1 };
}

/** Objective, gradient and Hessian of the prior-weighted cross-entropy at (a, b) on standardised scores. */
function evaluate(
  t: Float64Array,
  n: Float64Array,
  a: number,
  b: number,
  prior: number,
  l2: number,
) {
  const off = logit(prior);
  const wT = prior / t.length;
  const wN = (1 - prior) / n.length;
  let f = 0.5 * l2 * a * a;
  let ga = l2 * a;
  let gb = 0;
  let haa = l2;
  let hab = 0;
  let hbb = 1e-9; // keeps the Hessian invertible if every weight vanishes on separable data
  for (const [xs, w, y] of [
    [t, wT, 1],
    [n, wN, 0],
  ] as const) {
    for (const x of xs) {
      const z = a * x + b + off;
      // Loss for a target is softplus(-z), for a non-target softplus(z); d/dz = sigmoid(z) - y.
      f += w * softplus(y === 1 ? -z : z);
      const p = sigmoid(z);
      const r = w * (p - y);
      const h = w * p * (1 - p);
      ga += r * x;
      gb += r;
      haa += h * x * x;
      hab += h * x;
      hbb += h;
    }
  }
  return { f, ga, gb, haa, hab, hbb };
}

/**
 * Fits llr = a * score + b by damped Newton on the FoCal objective at the given effective prior
 * (default 0.5). Scores are standardised for conditioning, so the small L2 penalty is scale-free.
 */
export function fitCalibration(
  targets: ArrayLike<number>,
  nonTargets: ArrayLike<number>,
  opts: FitOptions = {},
): Calibration {
  const prior = opts.prior ?? 0.5;
  const l2 = opts.l2 ?? 1e-4;
  if (!(prior > 0 && prior < 1) || !(l2 >= 0))
    throw scoringError('SCORING_BAD_OPTION', 'prior must be in (0, 1) and l2 >= 0');
  if (targets.length === 0 || nonTargets.length === 0) {
    throw scoringError('SCORING_ONE_CLASS', 'Calibration needs both target and non-target trials', {
      nTarget: targets.length,
      nNonTarget: nonTargets.length,
    });
  }
  checkScores(targets, 'target');
  checkScores(nonTargets, 'non-target');
  const { mean, sd } = meanAndSd(targets, nonTargets);
  const t = Float64Array.from(targets, (v) => (v - mean) / sd);
  const n = Float64Array.from(nonTargets, (v) => (v - mean) / sd);
  let a = 0;
  let b = 0;
  let cur = evaluate(t, n, a, b, prior, l2);
  for (let iter = 0; iter < 100; iter++) {
    const det = cur.haa * cur.hbb - cur.hab * cur.hab;
    const da = -(cur.hbb * cur.ga - cur.hab * cur.gb) / det;
    const db = -(cur.haa * cur.gb - cur.hab * cur.ga) / det;
    // Backtrack until the objective drops: plain Newton can overshoot on nearly separable data.
    let step = 1;
    let next = evaluate(t, n, a + da, b + db, prior, l2);
    while (next.f > cur.f && step > 1e-6) {
      step *= 0.5;
      next = evaluate(t, n, a + step * da, b + step * db, prior, l2);
    }
    a += step * da;
    b += step * db;
    const moved = Math.abs(step * da) + Math.abs(step * db);
    cur = next;
    if (moved < 1e-10) break;
  }
  if (!(a > 0)) {
    // A non-positive slope would rank different speakers above the same speaker: refuse to store it.
    throw scoringError(
      'SCORING_BAD_CALIBRATION',
      'Scores do not separate target from non-target trials',
      { slope: a / sd },
    );
  }
  // Undo the standardisation (x = (s - mean) / sd) and the prior offset, which is not part of the LLR.
  return {
    a: a / sd,
    b: b - (a * mean) / sd,
    prior,
    nTarget: targets.length,
    nNonTarget: nonTargets.length,
    fittedAt: (opts.now?.() ?? new Date()).toISOString(),
    scoreKind: opts.scoreKind ?? 'raw-cosine',
  };
}

/** LLR (natural log) of a score under a calibration. */
export function applyCalibration(cal: Pick<Calibration, 'a' | 'b'>, score: number): number {
  return cal.a * score + cal.b;
}

/** Posterior probability of "same speaker" from an LLR at a target prior (0.5 = even odds). */
export function llrToProbability(llr: number, priorTarget = 0.5): number {
  if (!(priorTarget > 0 && priorTarget < 1))
    throw scoringError('SCORING_BAD_OPTION', 'priorTarget must be in (0, 1)');
  return sigmoid(llr + logit(priorTarget));
}

/** Checks a calibration read back from storage: finite numbers, a positive slope, a known score kind. */
export function parseCalibration(value: unknown): Calibration {
  const v = value as Partial<Record<keyof Calibration, unknown>> | null;
  const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  if (
    !v ||
    typeof v !== 'object' ||
    !finite(v.a) ||
    !(v.a > 0) ||
    !finite(v.b) ||
    !finite(v.prior) ||
    !finite(v.nTarget) ||
    !finite(v.nNonTarget) ||
    typeof v.fittedAt !== 'string' ||
    (v.scoreKind !== 'raw-cosine' && v.scoreKind !== 'as-norm')
  ) {
    throw scoringError(
      'SCORING_BAD_CALIBRATION',
      'Stored calibration is malformed or has a non-positive slope',
    );
  }
  return v as Calibration;
}
