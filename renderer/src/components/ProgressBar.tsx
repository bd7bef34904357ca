import { useTranslation } from 'react-i18next';

/** Items done of total, with the estimated time left. */
export function ProgressBar({ done, total, etaSeconds }: { done: number; total: number; etaSeconds: number | null }) {
  const { t } = useTranslation();
  const pct = total > 0 ? Math.round((100 * done) / total) : 0;
  return (
    <div className="progress" data-testid="progress">
      <progress max={Math.max(total, 1)} value={done} aria-label={t('progress.label')} />
      <span>
        {t('progress.items', { done, total })}
        {etaSeconds !== null && ` · ${t('progress.eta', { seconds: Math.ceil(etaSeconds) })}`} ({pct} %)
      </span>
    </div>
  );
}
