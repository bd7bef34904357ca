import { useEffect, useRef } from 'react';
import type { Spectrogram } from '../../../src/api/contract';

/** Log-mel spectrogram as an image: time left to right, low frequencies at the bottom. */
export function SpectrogramCanvas({ spec, label, height = 120 }: { spec: Spectrogram; label: string; height?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || spec.frames === 0) return;
    canvas.width = spec.frames;
    canvas.height = spec.bins;
    const img = ctx.createImageData(spec.frames, spec.bins);
    for (let f = 0; f < spec.frames; f++)
      for (let b = 0; b < spec.bins; b++) {
        const v = spec.values[f * spec.bins + b] ?? 0;
        const o = ((spec.bins - 1 - b) * spec.frames + f) * 4;
        img.data[o] = Math.round(255 * Math.min(1, v * 1.4));
        img.data[o + 1] = Math.round(255 * v * v);
        img.data[o + 2] = Math.round(90 + 120 * (1 - v));
        img.data[o + 3] = 255;
      }
    ctx.putImageData(img, 0, 0);
  }, [spec]);
  return <canvas ref={ref} className="spectrogram" style={{ height }} role="img" aria-label={label} />;
}
