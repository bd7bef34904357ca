import { useTranslation } from 'react-i18next';

/** Items done of total, with the estimated time left; stays, marked finished, once the job is done. */
export function ProgressBar({ done, total, etaSeconds, finished = false }: { done: number; total: number; etaSeconds: number | null; finished?: boolean }) {
  const { t } = useTranslation();
  const pct = total > 0 ? Math.round((100 * done) / total) : 0;
  return (
    <div className="progress" data-testid="progress" data-done={done} data-total={total} data-state={finished ? 'done' : 'running'}>
      <progress max={Math.max(total, 1)} value={done} aria-label={t('progress.label')} />
      <span>
        {t('progress.items', { done, total })} ({pct} %)
        {finished
          ? ` · ${t('progress2.finished')}`
          : etaSeconds !== null
            ? ` · ${t('progress.eta', { seconds: Math.ceil(etaSeconds) })}`
            : done === 0
              ? ` · ${t('progress2.starting')}`
              : ''}
      </span>
    </div>
  );
}
