import { useTranslation } from 'react-i18next';
import type { PopulationFigures, VerdictBandSetting } from '../../../../src/api/contract';
import { POPULATION_MIN_MULTI_REFERENCE, POPULATION_MIN_PERFORMERS } from '../../../../src/api/contract';

const pct = (x: number) => `${(100 * x).toFixed(x < 0.001 ? 3 : 2)} %`;

interface Props {
  figures: PopulationFigures;
  bands: readonly VerdictBandSetting[];
  /** The band of the score shown next to it (highlighted), if any. */
  current?: string | undefined;
  /** Show the propositions sentence (comparison and case pages). */
  propositions?: boolean;
}

/** What the population check measured, or why the band is withheld; shown wherever a score is shown. */
export function PopulationPanel({ figures: f, bands, current, propositions }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const label = (key: string) => {
    const b = bands.find((x) => x.key === key);
    return b ? (en ? b.labelEn : b.labelJa) : key;
  };
  const lang = (codes: string[]) => codes.map((c) => t(`population.languages.${c}`, { defaultValue: c })).join(en ? ', ' : '・');
  return (
    <div className="population card" data-testid="population" data-withheld={f.withheld ?? ''}>
      <h3 className="small">{t('population.title')}</h3>
      {f.withheld ? (
        <p className="info-banner" role="status" data-testid="population-withheld">
          {t('population.withheld')} {t(`population.reasons.${f.withheld}`, { min: POPULATION_MIN_PERFORMERS, minMulti: POPULATION_MIN_MULTI_REFERENCE, count: f.performers })}
        </p>
      ) : null}
      {f.nonTargetTrials > 0 && (
        <>
          <p className="small muted">{t('population.summary', { performers: f.performers, nonTargets: f.nonTargetTrials.toLocaleString(en ? 'en-US' : 'ja-JP'), targets: f.targetTrials })}</p>
          {f.bands.length > 0 && (
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">{t('population.band')}</th>
                  <th scope="col" className="num">{t('population.measured')}</th>
                  <th scope="col" className="num">{t('population.stated')}</th>
                  <th scope="col" className="num">{t('population.miss')}</th>
                </tr>
              </thead>
              <tbody>
                {f.bands.filter((b) => b.minPercent > 0).map((b) => (
                  <tr key={b.key} className={[b.key === current ? 'current' : '', b.overstated ? 'overstated' : ''].join(' ').trim()}>
                    <td>
                      {label(b.key)} (≥ {b.minPercent} %)
                    </td>
                    <td className="num">{pct(b.falseMatchRate)}</td>
                    <td className="num">{b.statedFalseMatchRate === null ? '—' : pct(b.statedFalseMatchRate)}</td>
                    <td className="num">{b.missRate === null ? '—' : pct(b.missRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {propositions && <p className="small">{t('population.propositions', { count: f.performers })}</p>}
      {f.languageMismatch && (
        <p className="warn-banner small" data-testid="language-mismatch">
          {t('population.language', { performers: lang(f.languageMismatch.performers), model: lang(f.languageMismatch.model) })}
        </p>
      )}
    </div>
  );
}
