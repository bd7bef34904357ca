import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { Capture, CaptureMedia } from '../../api/client';
import { useAppStore } from '../../app/store';
import { downloadBytes } from '../../lib/download';
import { captureErrorText } from './captureError';

function useScreenshot(captureId: string): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    void call('captures.artefact', { captureId, kind: 'screenshot' }).then((r) => {
      if (!r.ok || !live) return;
      url = URL.createObjectURL(new Blob([r.value as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
      setSrc(url);
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [captureId]);
  return src;
}

function MediaRow({ m, onFetched }: { m: CaptureMedia; onFetched: () => void }) {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState(false);
  async function fetchMedia() {
    setBusy(true);
    const r = await call('captures.fetchMedia', { mediaId: m.id });
    setBusy(false);
    if (!r.ok) notify('error', captureErrorText(t, r.error.code));
    else if (r.value.media.state === 'fetched') notify('success', t('capture.fetchedNote'));
    onFetched();
  }
  return (
    <li className="capture-media" data-media-state={m.state}>
      <span className="tag">{m.origin}</span> <span className="url small">{m.url}</span>{' '}
      {m.state === 'offered' && (
        <button type="button" onClick={() => void fetchMedia()} disabled={busy}>
          {busy ? t('capture.fetching') : t('capture.fetch')}
        </button>
      )}
      {m.state === 'fetched' && <span className="ok-note">✓ {t('capture.fetched')}</span>}
      {m.state === 'not-fetchable' && <span className="weak-note">{t(`capture.reasons.${m.reason ?? 'network'}`)}</span>}
    </li>
  );
}

/** One capture: the top of the screenshot, the facts a reader checks, and the page's media. */
export function CaptureCard({ c, onChanged }: { c: Capture; onChanged: () => void }) {
  const { t } = useTranslation();
  const src = useScreenshot(c.id);
  const manifest = c.artefacts.find((a) => a.kind === 'manifest');
  async function printout() {
    const r = await call('captures.artefact', { captureId: c.id, kind: 'printout' });
    if (r.ok) downloadBytes(r.value as Uint8Array<ArrayBuffer>, `${c.id}-printout.pdf`, 'application/pdf');
  }
  const stamp = c.timestamp.state === 'stamped' ? t('capture.stamp.stamped', { at: c.timestamp.genTime ?? '' }) : c.timestamp.state === 'failed' ? t('capture.stamp.failed', { note: c.timestamp.note ?? '' }) : t('capture.stamp.none');
  return (
    <article className="capture-card" data-capture-id={c.id}>
      {src && <img className="capture-thumb" src={src} alt={t('capture.screenshotAlt', { url: c.finalUrl })} />}
      <div className="capture-facts">
        <dl className="facts small">
          <dt>{t('capture.finalUrl')}</dt>
          <dd className="url">{c.finalUrl}</dd>
          {c.requestedUrl !== c.finalUrl && (
            <>
              <dt>{t('capture.requested')}</dt>
              <dd className="url">
                {c.requestedUrl} ({t('capture.redirects', { count: c.redirects.length })})
              </dd>
            </>
          )}
          <dt>{t('capture.at')}</dt>
          <dd>
            {c.capturedAt} · {t('capture.status', { status: c.httpStatus ?? '—' })}
          </dd>
          <dt>{t('capture.browser')}</dt>
          <dd>
            {c.browser.name} {c.browser.version} · {t('capture.by')} {c.capturedBy}
          </dd>
          <dt>{t('capture.cert')}</dt>
          <dd>{c.tls ? `${c.tls.subject ?? '?'} / ${c.tls.issuer ?? '?'}` : t('capture.certNone')}</dd>
          <dt>{t('capture.manifest')}</dt>
          <dd>
            <code className="hash">SHA-256 {manifest?.sha256}</code>
          </dd>
          <dt />
          <dd className={c.timestamp.state === 'stamped' ? '' : 'weak-note'}>{stamp}</dd>
          {!c.loadComplete && (
            <>
              <dt />
              <dd className="weak-note">{t('capture.partial')}</dd>
            </>
          )}
          {c.screenshotCutAt !== null && (
            <>
              <dt />
              <dd className="weak-note">{t('capture.cut', { px: c.screenshotCutAt })}</dd>
            </>
          )}
          {c.blockedRequests.length > 0 && (
            <>
              <dt />
              <dd className="weak-note" title={c.blockedRequests.map((b) => b.url).join('\n')}>
                {t('capture.blocked', { count: c.blockedRequests.length })}
              </dd>
            </>
          )}
        </dl>
        <button type="button" onClick={() => void printout()}>
          {t('capture.printout')}
        </button>
        {c.media.length > 0 && (
          <>
            <h4>{t('capture.media')}</h4>
            <ul className="plain">
              {c.media.map((m) => (
                <MediaRow key={m.id} m={m} onFetched={onChanged} />
              ))}
            </ul>
          </>
        )}
      </div>
    </article>
  );
}
