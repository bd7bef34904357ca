import { useTranslation } from 'react-i18next';
import type { ScreeningMatch, ScreeningRun, VerdictBandSetting } from '../../api/client';
import { BandBadge } from '../../components/BandBadge';
import { formatPercent } from '../../lib/bands';

interface Props {
  run: ScreeningRun;
  matches: ScreeningMatch[];
  bands: VerdictBandSetting[];
  onCompare: (performerId: string, suspectId: string) => void;
}

/** The ranked shortlist: best matches first. */
export function ResultsTable({ run, matches, bands, onCompare }: Props) {
  const { t, i18n } = useTranslation();
  const performer = new Map(run.performers.map((p) => [p.id, p]));
  const suspect = new Map(run.suspects.map((s) => [s.id, s]));
  const bandLabel = (key: string) => {
    const b = bands.find((x) => x.key === key);
    if (!b) return key === 'uncalibrated' ? t('settings.uncalibrated') : key === 'withheld' ? t('population.withheldBand') : key;
    return i18n.language === 'en' ? b.labelEn : b.labelJa;
  };
  return (
    <table className="data-table" data-testid="results-table">
      {matches.some((m) => m.percent !== null) && <caption className="small muted" data-testid="percent-vs-cosine">{t('screening2.percentVsCosine')}</caption>}
      <thead>
        <tr>
          <th scope="col">{t('screening.columns.rank')}</th>
          <th scope="col">{t('screening.columns.suspect')}</th>
          <th scope="col">{t('suspects2.serviceOrPlatform')}</th>
          <th scope="col">{t('screening.columns.performer')}</th>
          <th scope="col" className="num">{t('screening.columns.percent')}</th>
          <th scope="col">{t('screening.columns.band')}</th>
          <th scope="col" className="num">{t('screening.columns.cosine')}</th>
          <th scope="col" className="num">{t('population.normalized')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('screening.compare')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {matches.map((m) => (
          <tr key={`${m.suspectId}|${m.performerId}`} data-band={m.band}>
            <td>{m.rank}</td>
            <td>{suspect.get(m.suspectId)?.label}</td>
            <td>{suspect.get(m.suspectId)?.service ?? suspect.get(m.suspectId)?.platform}</td>
            <td>{performer.get(m.performerId)?.name}</td>
            <td className="num">{formatPercent(m.percent)}</td>
            <td>
              <BandBadge band={m.band} label={bandLabel(m.band)} />
            </td>
            <td className="num">{m.rawCosine.toFixed(3)}</td>
            <td className="num">{m.normalized === null ? '—' : m.normalized.toFixed(2)}</td>
            <td>
              <button type="button" onClick={() => onCompare(m.performerId, m.suspectId)}>
                {t('screening.compare')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
