import { useTranslation } from 'react-i18next';
import type { TimelinePoint } from '../../../src/api/contract';
import { bandColour } from '../lib/bands';
import { formatSimilarity } from '../../../src/api/contract';

interface Props {
  points: TimelinePoint[];
  /** The clip's length: the right edge, shared with its waveform and spectrogram. */
  durationSeconds: number;
  /** Which score to draw: the calibrated %, the cohort-normalised score, or the raw cosine. */
  metric: 'percent' | 'normalized' | 'rawCosine';
  /** Line drawn across at this value, in the metric's units (the match threshold). */
  threshold: number | null;
  /** The stretches stated as matching (seconds), shaded at exactly these bounds. */
  regions: { start: number; end: number }[];
  /** Playback position in seconds, drawn as a playhead. */
  playhead?: number | undefined;
  label: string;
}

const H = 100;

/**
 * Similarity per analysis window on the clip's time axis. Each window spans its true start..end (windows
 * overlap when the hop is shorter than the window), the line joins window centres, and the matching
 * stretches are shaded at the bounds the text states, so the picture never disagrees with its numbers.
 */
export function TimelineChart({ points, durationSeconds, metric, threshold, regions, playhead, label }: Props) {
  const { t } = useTranslation();
  // Each metric mapped onto 0..1 of the chart height; AS-norm scores are open-ended, so scale to the largest.
  const zTop = Math.max(4, (threshold ?? 0) * 1.5, ...points.map((p) => p.normalized ?? 0));
  const top = metric === 'percent' ? 100 : metric === 'normalized' ? zTop : 1;
  const scale = (v: number) => Math.max(0, Math.min(1, v / top));
  const raw = (p: TimelinePoint) => (metric === 'percent' ? (p.percent ?? 0) : metric === 'normalized' ? (p.normalized ?? 0) : p.rawCosine);
  const describe = (p: TimelinePoint) =>
    metric === 'percent' ? formatSimilarity(p.percent) : metric === 'normalized' ? `AS-norm ${(p.normalized ?? 0).toFixed(2)}` : `cos ${p.rawCosine.toFixed(3)}`;
  const x = (s: number) => (durationSeconds > 0 ? Math.max(0, Math.min(100, (100 * s) / durationSeconds)) : 0);
  const y = (v: number) => H - scale(v) * H;
  const unit = metric === 'percent' ? ' %' : '';
  const yTicks = [0, top / 2, top];
  return (
    <div className="timeline-wrap">
      <svg className="timeline" viewBox={`0 0 100 ${H}`} preserveAspectRatio="none" role="img" aria-label={label} data-testid="timeline" data-duration={durationSeconds}>
        <rect x="0" y="0" width="100" height={H} fill="#faf9f6" />
        {regions.map((r, i) => (
          <rect key={`r${i}`} x={x(r.start)} width={x(r.end) - x(r.start)} y="0" height={H} fill="#b42318" opacity={0.12} data-region={i} data-start={r.start} data-end={r.end} />
        ))}
        {points.map((p, i) => (
          <rect key={i} x={x(p.start)} width={Math.max(0.3, x(p.end) - x(p.start))} y={y(raw(p))} height={H - y(raw(p))} fill={bandColour(p.band)} opacity={0.18} data-window={i} data-start={p.start} data-end={p.end}>
            <title>{`${p.start.toFixed(1)}–${p.end.toFixed(1)} s: ${describe(p)}`}</title>
          </rect>
        ))}
        {points.length > 1 && (
          <polyline
            points={points.map((p) => `${x((p.start + p.end) / 2)},${y(raw(p))}`).join(' ')}
            fill="none"
            stroke="#1d2230"
            strokeWidth="1.5"
            vectorEffect="non-scaling-stroke"
          />
        )}
        {threshold !== null && (
          <line x1="0" x2="100" y1={y(threshold)} y2={y(threshold)} stroke="#b42318" strokeDasharray="4 3" strokeWidth="1" vectorEffect="non-scaling-stroke" data-testid="threshold" />
        )}
        {playhead !== undefined && (
          <rect x={x(playhead) - 0.2} width="0.4" y="0" height={H} fill="#1a5fd0" data-testid="timeline-playhead" data-seconds={playhead} />
        )}
      </svg>
      <div className="y-axis" aria-hidden="true">
        {yTicks.map((v) => (
          <span key={v} style={{ top: `${y(v)}%` }}>
            {metric === 'rawCosine' ? v.toFixed(1) : Math.round(v)}
            {unit}
          </span>
        ))}
      </div>
      <p className="small muted legend-line">
        <span className="legend-swatch region" /> {t('axes.regionShade')} · <span className="legend-swatch threshold" /> {t('axes.threshold', { value: threshold === null ? '—' : `${metric === 'rawCosine' ? threshold.toFixed(3) : threshold.toFixed(1)}${unit}` })} · {t(`axes.metric.${metric}`)}
      </p>
    </div>
  );
}
