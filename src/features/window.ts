export type WindowType = 'hamming' | 'povey' | 'hanning' | 'rectangular';

/** Frame window with Kaldi's definitions (symmetric, denominator N - 1). */
export function makeWindow(type: WindowType, length: number): Float64Array {
  const w = new Float64Array(length);
  const a = (2 * Math.PI) / (length - 1);
  for (let n = 0; n < length; n++) {
    const hann = 0.5 - 0.5 * Math.cos(a * n);
    switch (type) {
      case 'hamming':
        w[n] = 0.54 - 0.46 * Math.cos(a * n);
        break;
      case 'povey':
        w[n] = Math.pow(hann, 0.85);
        break;
      case 'hanning':
        w[n] = hann;
        break;
      case 'rectangular':
        w[n] = 1;
        break;
    }
  }
  return w;
}
