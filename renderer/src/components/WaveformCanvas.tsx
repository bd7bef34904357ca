import { useEffect, useRef } from 'react';

interface Props {
  peaks: number[];
  height?: number;
  colour?: string;
  label: string;
  /** Playback position 0..1, drawn as a cursor. */
  position?: number;
}

/** Draws min/max peak pairs; the canvas is resized to its box so it stays crisp. */
export function WaveformCanvas({ peaks, height = 80, colour = '#394257', label, position }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const w = (canvas.width = canvas.clientWidth * devicePixelRatio);
    const h = (canvas.height = height * devicePixelRatio);
    ctx.clearRect(0, 0, w, h);
    const n = peaks.length / 2;
    ctx.fillStyle = colour;
    for (let i = 0; i < n; i++) {
      const lo = peaks[2 * i] ?? 0;
      const hi = peaks[2 * i + 1] ?? 0;
      const x = (i / n) * w;
      const y1 = ((1 - hi) / 2) * h;
      const y2 = ((1 - lo) / 2) * h;
      ctx.fillRect(x, y1, Math.max(1, w / n), Math.max(1, y2 - y1));
    }
    if (position !== undefined) {
      ctx.fillStyle = '#1a5fd0'; // the playhead colour of every picture on the compare page
      ctx.fillRect(position * w, 0, 2 * devicePixelRatio, h);
    }
  }, [peaks, height, colour, position]);
  return <canvas ref={ref} className="waveform" style={{ height }} role="img" aria-label={label} />;
}
