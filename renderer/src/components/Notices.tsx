import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';

/**
 * Success and error messages of the current page, announced to screen readers. They sit in the page's
 * flow above its content (never floating over a control), fade on their own and can be closed.
 */
export function Notices() {
  const { t } = useTranslation();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismiss);
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} data-kind={n.kind}>
          <span>{n.text}</span>
          <button type="button" className="link" aria-label={t('notices2.close')} onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
