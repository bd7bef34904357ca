import { useTranslation } from 'react-i18next';
import type { ScreeningRun } from '../../api/client';
import { heatColour } from '../../lib/bands';

/** Suspects (rows) × performers (columns), coloured by similarity; click a cell to compare. */
export function Heatmap({ run, onPick }: { run: ScreeningRun; onPick: (performerId: string, suspectId: string) => void }) {
  const { t } = useTranslation();
  const cell = new Map(run.matches.map((m) => [`${m.suspectId}|${m.performerId}`, m]));
  return (
    <div className="heatmap-wrap" data-testid="heatmap">
      <table className="heatmap">
        <thead>
          <tr>
            <th scope="col">{t('screening.columns.suspect')}</th>
            {run.performers.map((p) => (
              <th scope="col" key={p.id} className="rotated">
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
