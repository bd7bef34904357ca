/**
 * Indices of the k largest key(i) for i in [0, count), best first; ties keep the lower index first.
 * Insertion into a k-long sorted buffer: O(count) when k is small, as it is for "top matches".
 */
export function topIndices(count: number, k: number, key: (i: number) => number): number[] {
  const idx: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = key(i);
    if (idx.length === k && !(v > (val[k - 1] as number))) continue;
    let p = idx.length === k ? k - 1 : idx.length;
    // Shift worse entries down; an equal value stays ahead (it came from a lower index).
    while (p > 0 && (val[p - 1] as number) < v) {
      val[p] = val[p - 1] as number;
      idx[p] = idx[p - 1] as number;
      p--;
    }
    val[p] = v;
    idx[p] = i;
  }
  return idx;
}
