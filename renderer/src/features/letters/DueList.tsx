import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/dates';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';

/** Running statutory clocks, overdue first. */
export function DueList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const openCase = useAppStore((s) => s.openCase);
  const { value: due } = useCall('letters.due', {});
  return (
    <div className="card" data-testid="due">
      <h2>{t('letters.dueTitle')}</h2>
      {due && due.length === 0 && <p className="muted">{t('letters.noDue')}</p>}
      <ul className="plain">
        {due?.map((d) => (
          <li key={`${d.letterId}-${d.clock}`} className={d.overdue ? 'overdue' : ''}>
            <button type="button" className="link" onClick={() => openCase(d.caseId)}>
              {d.platformName}
            </button>{' '}
            — {d.label[lang]}: {t('letters.due', { at: formatDateTime(d.dueAt, lang) })}{' '}
            <strong>{d.overdue ? t('letters.overdue') : t('letters.hoursLeft', { hours: Math.round(d.hoursLeft) })}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
