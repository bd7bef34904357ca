// Renders a log-mel spectrogram (values 0..1, [frames, bins]) as a PNG: time left to right, low
// frequencies at the bottom, a perceptually ordered dark-to-bright colour map.
import type { Spectrogram } from '../../domain/index.js';
import { encodePngRgb } from './png.js';

// Stops of a magma-like map (black → purple → orange → pale yellow).
const STOPS: readonly (readonly [number, number, number])[] = [
  [0, 0, 4],
  [59, 15, 112],
  [140, 41, 129],
  [222, 73, 104],
  [254, 159, 109],
  [252, 253, 191],
];

function colour(v: number): readonly [number, number, number] {
  const x = Math.max(0, Math.min(1, v)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = STOPS[i] as readonly [number, number, number];
  const b = STOPS[i + 1] as readonly [number, number, number];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

/** PNG of a spectrogram; each mel bin is drawn `binHeight` pixels tall. */
export function spectrogramPng(s: Spectrogram, binHeight = 2): Buffer {
  const width = Math.max(1, s.frames);
  const height = Math.max(1, s.bins * binHeight);
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const bin = s.bins - 1 - Math.floor(y / binHeight);
    for (let x = 0; x < s.frames; x++) {
      const [r, g, b] = colour(s.values[x * s.bins + bin] ?? 0);
      const o = (y * width + x) * 3;
      rgb[o] = r;
      rgb[o + 1] = g;
      rgb[o + 2] = b;
    }
  }
  return encodePngRgb(width, height, rgb);
}
