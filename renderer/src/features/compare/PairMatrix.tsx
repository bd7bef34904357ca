import { useTranslation } from 'react-i18next';
import type { Comparison } from '../../api/client';
import { formatPercent, heatColour } from '../../lib/bands';

interface Props {
  cmp: Comparison;
  onPick: (clipId: string, referenceId: string) => void;
}

/** Suspect clips (rows) × references (columns), each cell the one-to-one score; the pair shown is outlined. */
export function PairMatrix({ cmp, onPick }: Props) {
  const { t } = useTranslation();
  const cell = new Map(cmp.pairs.map((p) => [`${p.clipId}|${p.referenceId}`, p]));
  const text = (p: Comparison['pairs'][number]) => (p.percent !== null ? formatPercent(p.percent) : `cos ${p.rawCosine.toFixed(3)}`);
  return (
    <div className="card" data-testid="pair-matrix">
      <h2>{t('compare2.matrix')}</h2>
      <p className="small muted">{t('compare2.matrixNote')}</p>
      <div className="matrix-wrap">
        <table className="data-table compact pair-matrix">
          <thead>
            <tr>
              <th scope="col">
                {t('compare.suspectClip')} ＼ {t('compare.reference')}
              </th>
              {cmp.references.map((r) => (
                <th scope="col" key={r.id} title={r.name}>
                  {r.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cmp.clips.map((c) => (
              <tr key={c.id}>
                <th scope="row" title={c.name}>
                  {c.name}
                </th>
                {cmp.references.map((r) => {
                  const p = cell.get(`${c.id}|${r.id}`);
                  const shown = c.id === cmp.suspectRecordingId && r.id === cmp.referenceRecordingId;
                  const v = p ? (p.percent !== null ? p.percent / 100 : Math.max(0, p.rawCosine)) : 0;
                  return (
                    <td key={r.id} className={shown ? 'num shown' : 'num'} style={p ? { background: heatColour(v), color: v > 0.6 ? '#fff' : '#1d2230' } : undefined}>
                      {p ? (
                        <button
                          type="button"
                          className="cell"
                          aria-pressed={shown}
                          aria-label={t('compare2.pairLabel', { clip: c.name, reference: r.name, score: text(p) })}
                          data-clip={c.id}
                          data-reference={r.id}
                          onClick={() => onPick(c.id, r.id)}
                        >
                          {text(p)}
                          {shown && <span className="visually-hidden"> ({t('compare2.shown')})</span>}
                        </button>
                      ) : (
                        '—'
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
