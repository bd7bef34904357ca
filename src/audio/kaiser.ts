/** Zeroth-order modified Bessel function of the first kind (power series; converges fast for x < 50). */
export function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 200; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/** Kaiser's β for a stopband attenuation of `db` decibels (Kaiser's empirical formula). */
export function kaiserBeta(db: number): number {
  if (db > 50) return 0.1102 * (db - 8.7);
  if (db >= 21) return 0.5842 * Math.pow(db - 21, 0.4) + 0.07886 * (db - 21);
  return 0;
}

/** Kaiser window value at u in [-1, 1] (0 outside). */
export function kaiserAt(u: number, beta: number, i0Beta: number): number {
  if (u <= -1 || u >= 1) return 0;
  return besselI0(beta * Math.sqrt(1 - u * u)) / i0Beta;
}
