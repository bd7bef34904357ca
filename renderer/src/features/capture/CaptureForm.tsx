import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { CaptureResult, Suspect } from '../../api/client';
import { useAppStore } from '../../app/store';
import { captureErrorText } from './captureError';

/** The Capture action: a URL, the button, and the confirmation a private address needs. */
export function CaptureForm({ suspect, onCaptured }: { suspect: Suspect; onCaptured: (r: CaptureResult) => void }) {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const [url, setUrl] = useState(suspect.url ?? '');
  const [busy, setBusy] = useState(false);
  const [askPrivate, setAskPrivate] = useState(false);

  async function capture(allowPrivate: boolean) {
    setAskPrivate(false);
    setBusy(true);
    const res = await call('captures.start', { suspectId: suspect.id, url, allowPrivate });
    setBusy(false);
    if (res.ok) {
      notify('success', t('capture.done', { count: res.value.prefilled.length }));
      onCaptured(res.value);
    } else if (res.error.code === 'CAPTURE_PRIVATE_ADDRESS') setAskPrivate(true);
    else notify('error', captureErrorText(t, res.error.code));
  }

  return (
    <div className="capture-form">
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void capture(false);
        }}
      >
        <label className="field capture-url">
          <span>{t('capture.url')}</span>
          <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" required disabled={busy} />
        </label>
        <button type="submit" className="primary" disabled={busy || url.trim() === ''}>
          {busy ? t('capture.running') : t('capture.start')}
        </button>
      </form>
      <p className="muted small">{t('capture.help')}</p>
      {askPrivate && (
        <div className="confirm-box" role="alertdialog" aria-labelledby="capture-private-title">
          <strong id="capture-private-title">{t('capture.privateTitle')}</strong>
          <p>{t('capture.privateBody', { url })}</p>
          <div className="actions">
            <button type="button" onClick={() => setAskPrivate(false)}>
              {t('capture.cancel')}
            </button>
            <button type="button" className="primary" onClick={() => void capture(true)}>
              {t('capture.privateConfirm')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
