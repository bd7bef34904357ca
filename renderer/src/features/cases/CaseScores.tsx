import { useTranslation } from 'react-i18next';
import type { Case } from '../../../../src/api/contract';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';
import { BandBadge } from '../../components/BandBadge';
import { formatPercent } from '../../lib/bands';
import { formatDateTime } from '../../lib/dates';

/** The score behind each performer × suspect pair of a case, with where it came from and a way to the comparison. */
export function CaseScores({ c }: { c: Case }) {
  const { t, i18n } = useTranslation();
  const openComparison = useAppStore((s) => s.openComparison);
  const { value: scores } = useCall('cases.scores', { id: c.id });
  const { value: settings } = useCall('settings.get', {});
  const name = (id: string) => c.performers.find((p) => p.id === id)?.name ?? '';
  const label = (id: string) => c.suspects.find((s) => s.id === id)?.label ?? '';
  const bandLabel = (key: string) => {
    const b = settings?.bands.find((x) => x.key === key);
    return b ? (i18n.language === 'en' ? b.labelEn : b.labelJa) : key === 'uncalibrated' ? t('settings.uncalibrated') : key === 'withheld' ? t('population.withheldBand') : key;
  };
  return (
    <div data-testid="case-scores">
      <h2>{t('cases2.score')}</h2>
      {scores && scores.length === 0 && <p className="muted small">{t('cases2.noScore')}</p>}
      <ul className="plain">
        {scores?.map((s) => (
          <li key={`${s.performerId}|${s.suspectId}`}>
            <span>
              {name(s.performerId)} × {label(s.suspectId)}:{' '}
            </span>
            <strong className="num">{s.percent !== null ? formatPercent(s.percent) : `cos ${s.rawCosine.toFixed(3)}`}</strong>{' '}
            <BandBadge band={s.band} label={bandLabel(s.band)} />{' '}
            <span className="small muted">
              {s.modelId} · {formatDateTime(s.at, i18n.language)}
            </span>{' '}
            <button type="button" className="link" onClick={() => openComparison(s.performerId, s.suspectId)}>
              {t('cases2.openCompare')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
