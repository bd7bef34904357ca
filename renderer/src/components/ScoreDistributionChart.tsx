import { useTranslation } from 'react-i18next';
import type { ScoreDistribution } from '../../../src/api/contract';
import { rangeTicks, tickLabel } from '../lib/ticks';

const W = 100;
const H = 60;

/** Outline of a histogram as a closed path, scaled so its tallest bin reaches the top. */
function area(counts: number[], total: number, peak: number): string {
  const n = counts.length;
  const y = (c: number) => H - (peak > 0 ? (c / Math.max(1, total) / peak) * H : 0);
  let d = `M0,${H}`;
  counts.forEach((c, i) => {
    d += ` L${(i * W) / n},${y(c)} L${((i + 1) * W) / n},${y(c)}`;
  });
  return `${d} L${W},${H} Z`;
}

/**
 * The comparison's score drawn against the population check's same-speaker and different-speaker score
 * distributions (each scaled to its own share per bin, so a small target set still shows its shape).
 */
export function ScoreDistributionChart({ dist, label, axis }: { dist: ScoreDistribution; label: string; axis: string }) {
  const { t } = useTranslation();
  const n = dist.target.length;
  const hi = dist.lo + n * dist.binWidth;
  const x = (v: number) => Math.max(0, Math.min(W, ((v - dist.lo) / (hi - dist.lo)) * W));
  const share = (c: number[], total: number) => Math.max(0, ...c.map((v) => v / Math.max(1, total)));
  const peak = Math.max(share(dist.target, dist.targetTrials), share(dist.nonTarget, dist.nonTargetTrials));
  const ticks = rangeTicks(dist.lo, hi);
  const pct = (v: number | null) => (v === null ? '—' : `${(100 * v).toFixed(v < 0.01 ? 2 : 1)} %`);
  return (
    <figure className="score-distribution" data-testid="score-distribution">
      <div className="dist-plot">
        <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label}>
          <rect x="0" y="0" width={W} height={H} fill="#faf9f6" />
          <path d={area(dist.nonTarget, dist.nonTargetTrials, peak)} fill="#667085" opacity={0.45} data-testid="dist-nontarget" />
          <path d={area(dist.target, dist.targetTrials, peak)} fill="#1f7a4d" opacity={0.45} data-testid="dist-target" />
          <rect x={x(dist.score) - 0.3} width="0.6" y="0" height={H} fill="#b42318" data-testid="dist-score" data-score={dist.score} />
        </svg>
        <div className="dist-axis" aria-hidden="true">
          {ticks.map((v) => (
            <span key={v} style={{ left: `${x(v)}%` }}>
              {tickLabel(v)}
            </span>
          ))}
        </div>
      </div>
      <figcaption className="small">
        <span className="legend-swatch" style={{ background: 'rgba(31,122,77,.45)' }} /> {t('distribution.same', { count: dist.targetTrials })} ·{' '}
        <span className="legend-swatch" style={{ background: 'rgba(102,112,133,.45)' }} /> {t('distribution.different', { count: dist.nonTargetTrials })} ·{' '}
        <span className="legend-swatch" style={{ background: '#b42318', width: 3 }} /> {t('distribution.this')} · {axis}
        <br />
        <span data-testid="dist-reading">{t('distribution.reading', { above: pct(dist.nonTargetsAtOrAbove), below: pct(dist.targetsBelow) })}</span>
      </figcaption>
    </figure>
  );
}
