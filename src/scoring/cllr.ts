// Log-likelihood-ratio cost (Brümmer & du Preez 2006). LLRs are natural logs; costs are in bits.
import type { SortedTrials } from './trials.js';

/** ln(1 + e^x) without overflow. */
export function softplus(x: number): number {
  if (x === -Infinity) return 0;
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** Cllr in bits of target and non-target LLRs (natural log): 0 is perfect, 1 is an uninformative system. */
export function cllr(trials: SortedTrials): number {
  const { targets: t, nonTargets: n } = trials;
  let ct = 0;
  for (const v of t) ct += softplus(-v);
  let cn = 0;
  for (const v of n) cn += softplus(v);
  return (0.5 * (ct / t.length + cn / n.length)) / Math.LN2;
}

/**
 * Optimal monotone LLRs by pool-adjacent-violators: isotonic regression of the label (1 = target) on
 * the pooled scores, tied scores kept in one block so the map is a function of the score, then the
 * empirical prior log-odds ln(nT / nN) removed so the result is an LLR. Returns LLRs in the order of
 * trials.targets and trials.nonTargets.
 */
export function pavLlrs(trials: SortedTrials): { targets: Float64Array; nonTargets: Float64Array } {
  const { targets: t, nonTargets: n } = trials;
  const nT = t.length;
  const nN = n.length;
  // Blocks as a stack: sum of labels, count, and the index range of the merged sorted trials.
  const sums: number[] = [];
  const counts: number[] = [];
  const ends: number[] = [];
  const pushBlock = (sum: number, count: number, end: number): void => {
    sums.push(sum);
    counts.push(count);
    ends.push(end);
    // Merge while the previous block's mean is not below this one's (the isotonic constraint).
    while (sums.length >= 2) {
      const k = sums.length - 1;
      const s1 = sums[k] as number;
      const c1 = counts[k] as number;
      const s0 = sums[k - 1] as number;
      const c0 = counts[k - 1] as number;
      if (s0 * c1 < s1 * c0) break;
      sums.length = k;
      counts.length = k;
      const e = ends.pop() as number;
      sums[k - 1] = s0 + s1;
      counts[k - 1] = c0 + c1;
      ends[k - 1] = e;
    }
  };
  let i = 0;
  let j = 0;
  while (i < nT || j < nN) {
    const v = Math.min(i < nT ? (t[i] ?? 0) : Infinity, j < nN ? (n[j] ?? 0) : Infinity);
    let tied = 0;
    let tiedTargets = 0;
    while (i < nT && t[i] === v) {
      i++;
      tied++;
      tiedTargets++;
    }
    while (j < nN && n[j] === v) {
      j++;
      tied++;
    }
    pushBlock(tiedTargets, tied, i + j);
  }
  const priorLogOdds = Math.log(nT / nN);
  // Each block's posterior p gives LLR = logit(p) - prior log-odds; walk blocks and hand the value
  // to the trials of each class in sorted order (a block holds a contiguous run of each class).
  const outT = new Float64Array(nT);
  const outN = new Float64Array(nN);
  let ti = 0;
  let ni = 0;
  let start = 0;
  for (let b = 0; b < sums.length; b++) {
    const s = sums[b] as number;
    const c = counts[b] as number;
    const llr = Math.log(s) - Math.log(c - s) - priorLogOdds;
    const end = ends[b] as number;
    for (let k = start; k < end; k++) {
      // Replay the merge order: the next trial is whichever class has the smaller score (targets first on ties).
      const tv = ti < nT ? (t[ti] ?? 0) : Infinity;
      const nv = ni < nN ? (n[ni] ?? 0) : Infinity;
      if (tv <= nv) outT[ti++] = llr;
      else outN[ni++] = llr;
    }
    start = end;
  }
  return { targets: outT, nonTargets: outN };
}

/** Minimum Cllr (bits): the Cllr after the best monotone recalibration (PAV), i.e. discrimination loss only. */
export function minCllr(trials: SortedTrials): number {
  return cllr(pavLlrs(trials));
}
