import type { TimelinePoint } from '../../../src/api/contract';
import { bandColour } from '../lib/bands';
import { formatSimilarity } from '../../../src/api/contract';

interface Props {
  points: TimelinePoint[];
  durationSeconds: number;
  /** Which score to draw: the calibrated %, the cohort-normalised score, or the raw cosine. */
  metric: 'percent' | 'normalized' | 'rawCosine';
  /** Line drawn across at this value, in the metric's units (the match threshold). */
  threshold: number | null;
  label: string;
}

const H = 90;

/** Similarity per analysis window, drawn under the waveform on the same time axis. */
export function TimelineChart({ points, durationSeconds, metric, threshold, label }: Props) {
  // Each metric mapped onto 0..1 of the chart height; AS-norm scores are open-ended, so scale to the largest.
  const zTop = Math.max(4, (threshold ?? 0) * 1.5, ...points.map((p) => p.normalized ?? 0));
  const scale = (v: number) =>
    Math.max(0, Math.min(1, metric === 'percent' ? v / 100 : metric === 'normalized' ? v / zTop : v));
  const raw = (p: TimelinePoint) => (metric === 'percent' ? (p.percent ?? 0) : metric === 'normalized' ? (p.normalized ?? 0) : p.rawCosine);
  const value = (p: TimelinePoint) => scale(raw(p));
  const describe = (p: TimelinePoint) =>
    metric === 'percent' ? formatSimilarity(p.percent) : metric === 'normalized' ? `AS-norm ${(p.normalized ?? 0).toFixed(2)}` : `cos ${p.rawCosine.toFixed(3)}`;
  const x = (s: number) => (durationSeconds > 0 ? (100 * s) / durationSeconds : 0);
  return (
    <svg className="timeline" viewBox={`0 0 100 ${H}`} preserveAspectRatio="none" role="img" aria-label={label} data-testid="timeline">
      <rect x="0" y="0" width="100" height={H} fill="#faf9f6" />
      {points.map((p, i) => {
        const v = value(p);
        return (
          <rect
            key={i}
            x={x(p.start)}
            width={Math.max(0.3, x(p.end) - x(p.start)) / 2}
            y={H - v * H}
            height={v * H}
            fill={bandColour(p.band)}
            opacity={0.75}
            data-window={i}
          >
            <title>{`${p.start.toFixed(1)}–${p.end.toFixed(1)} s: ${describe(p)}`}</title>
          </rect>
        );
      })}
      {threshold !== null && (
        <line x1="0" x2="100" y1={H - scale(threshold) * H} y2={H - scale(threshold) * H} stroke="#b42318" strokeDasharray="1.5 1" strokeWidth="0.4" />
      )}
    </svg>
  );
}
