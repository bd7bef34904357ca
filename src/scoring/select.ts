/**
 * Reorders xs[0..len) so that its `k` largest values occupy xs[0..k) (in no particular order).
 * Iterative quickselect with a median-of-three pivot and a three-way partition, so sorted input and
 * runs of equal scores (a cohort with duplicate rows) stay O(len) on average; no allocation.
 */
export function selectTopK(xs: Float64Array, len: number, k: number): void {
  let lo = 0;
  let hi = len - 1;
  const at = (i: number): number => xs[i] as number;
  const swap = (i: number, j: number): void => {
    const t = at(i);
    xs[i] = at(j);
    xs[j] = t;
  };
  while (hi > lo) {
    const a = at(lo);
    const b = at((lo + hi) >>> 1);
    const c = at(hi);
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    // Dutch national flag, descending: [lo, gt) > pivot, [gt, i) == pivot, (lt, hi] < pivot.
    let gt = lo;
    let i = lo;
    let lt = hi;
    while (i <= lt) {
      const v = at(i);
      if (v > pivot) swap(gt++, i++);
      else if (v < pivot) swap(i, lt--);
      else i++;
    }
    if (k <= gt) hi = gt - 1;
    else if (k > lt + 1) lo = lt + 1;
    else return; // the k-th largest is the pivot itself
  }
}
