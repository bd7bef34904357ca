import { useTranslation } from 'react-i18next';
import type { ScreeningRun } from '../../api/client';
import { heatColour } from '../../lib/bands';

/** The colour scale with its unit: 0 to 100 % (or cosine 0 to 1 when uncalibrated). */
function HeatLegend({ calibrated }: { calibrated: boolean }) {
  const { t } = useTranslation();
  const stops = [0, 0.25, 0.5, 0.75, 1];
  return (
    <div className="heat-legend" data-testid="heat-legend">
      <span className="small">{t(calibrated ? 'screening2.legendTitle' : 'screening2.legendCosine')}</span>
      <div className="heat-scale" style={{ background: `linear-gradient(to right, ${stops.map((v) => heatColour(v)).join(', ')})` }} />
      <div className="heat-ticks small muted">
        {stops.map((v) => (
          <span key={v}>{calibrated ? `${Math.round(v * 100)} %` : v.toFixed(2)}</span>
        ))}
      </div>
    </div>
  );
}

/** Suspects (rows) × performers (columns), coloured by similarity; click a cell to compare. */
export function Heatmap({ run, onPick }: { run: ScreeningRun; onPick: (performerId: string, suspectId: string) => void }) {
  const { t, i18n } = useTranslation();
  // Cells show % only where a % is stated (a withheld or uncalibrated run shows cosines): the legend follows.
  const calibrated = run.matches.some((m) => m.percent !== null);
  // Japanese names read well set vertically; Latin names are set horizontally at an angle.
  const vertical = i18n.language !== 'en';
  const cell = new Map(run.matches.map((m) => [`${m.suspectId}|${m.performerId}`, m]));
  return (
    <div className="heatmap-wrap" data-testid="heatmap">
      <HeatLegend calibrated={calibrated} />
      <table className="heatmap">
        <caption className="small muted">{t(calibrated ? 'heatmap2.caption' : 'heatmap2.captionCosine')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('screening.columns.suspect')}</th>
            {run.performers.map((p) => (
              <th scope="col" key={p.id} className={vertical ? 'rotated' : 'angled'}>
                <span>{p.name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {run.suspects.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.label}</th>
              {run.performers.map((p) => {
                const m = cell.get(`${s.id}|${p.id}`);
                const v = m ? (m.percent !== null ? m.percent / 100 : Math.max(0, m.rawCosine)) : 0;
                const text = m ? (m.percent !== null ? (m.percent > 99 ? '>99' : m.percent.toFixed(0)) : m.rawCosine.toFixed(2)) : '';
                return (
                  <td key={p.id} style={{ background: heatColour(v), color: v > 0.6 ? '#fff' : '#1d2230' }}>
                    {m && (
                      <button type="button" className="cell" onClick={() => onPick(p.id, s.id)} aria-label={`${s.label} × ${p.name}: ${text}`}>
                        {text}
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
