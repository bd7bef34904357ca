import { describe, expect, it } from 'vitest';
import { computeFbank } from '../../../src/features/fbank.js';
import { computeFbankNoSnip } from '../../../src/features/no-snip.js';
import { FBANK_PRESETS } from '../../../src/features/presets.js';

const opts = FBANK_PRESETS['3dspeaker'];
const tone = (n: number) => Float32Array.from({ length: n }, (_, i) => 0.3 * Math.sin(i / 7) + 0.05 * Math.sin(i / 1.3));

describe('fbank with snip_edges = false (Kaldi semantics)', () => {
  it('gives round(N / 160) frames, including for inputs shorter than one frame', () => {
    for (const [n, frames] of [[16000, 100], [16079, 100], [16080, 101], [100, 1], [79, 0], [400, 3]] as const)
      expect(computeFbankNoSnip(tone(n), opts).numFrames, `N=${n}`).toBe(frames);
  });

  it('equals the snip_edges frames where the window lies inside the signal', () => {
    // Frame i (no snip) starts at 160 i - 120, i.e. snip frame k = i - 1 starts 40 samples later: compare
    // against the snip fbank of the signal shifted by those 120 samples.
    const x = tone(8000);
    const a = computeFbankNoSnip(x, opts);
    const b = computeFbank(x.subarray(40), opts); // frame k of b starts at 40 + 160 k = no-snip frame k + 1
    for (let k = 0; k < 10; k++)
      for (let m = 0; m < 80; m++) expect(a.data[(k + 1) * 80 + m]).toBeCloseTo(b.data[k * 80 + m] ?? NaN, 4);
  });
});
