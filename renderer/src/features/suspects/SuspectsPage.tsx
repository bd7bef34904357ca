import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { MIN_SCORED_SPEECH_SECONDS, SHORT_SPEECH_SECONDS } from '../../../../src/api/contract';
import { call } from '../../api/client';
import type { Suspect } from '../../api/client';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';
import { DropZone } from '../../components/DropZone';
import { formatSeconds } from '../../lib/bands';
import { SuspectForm } from './SuspectForm';
import { RecordingPlayer } from '../../components/RecordingPlayer';
import { CapturePanel } from '../capture/CapturePanel';

/** Suspect AI voices and clips: provenance and sample audio. */
export function SuspectsPage() {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const selected = useAppStore((s) => s.suspectId);
  const openSuspect = useAppStore((s) => s.openSuspect);
  const { value: suspects, error, reload } = useCall('suspects.list', {});
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const qualityWarning = (code: string) => t(`quality2.${code}`, { defaultValue: t('quality2.other') });

  async function importClips(s: Suspect, files: { name: string; bytes: Uint8Array<ArrayBuffer> }[]) {
    setBusy(true);
    let ok = 0;
    for (const f of files) {
      const res = await call('suspects.importClip', { suspectId: s.id, name: f.name, bytes: f.bytes });
      if (res.ok) ok += res.value.duplicate ? 0 : 1;
      else notify('error', t('files.failed', { name: f.name, message: errorText(t, res.error) }));
    }
    if (ok) notify('success', t('files.imported', { count: ok }));
    setBusy(false);
    await reload();
  }

  return (
    <section className="page" aria-labelledby="suspects-title">
      <header className="page-header">
        <h1 id="suspects-title">{t('suspects.title')}</h1>
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          {t('suspects.add')}
        </button>
      </header>
      {error && <p className="error-banner" role="alert">{errorText(t, error)}</p>}
      {suspects && suspects.length === 0 && (
        <div className="empty-state" data-testid="suspects-empty">
          <h2>{t('suspects.emptyTitle')}</h2>
          <p>{t('suspects.emptyBody')}</p>
        </div>
      )}
      <div className="card-list">
        {suspects?.map((s) => (
          <article key={s.id} className={selected === s.id ? 'card selected' : 'card'} data-suspect-id={s.id}>
            <header className="card-header">
              <h2>{s.label}</h2>
              <span className="tag">{t(`suspects.kinds.${s.kind}`)}</span>
              <span className="muted small">{[s.service, s.operator, s.characterName, s.platform, s.uploader].filter(Boolean).join(' · ')}</span>
              <button type="button" onClick={() => openSuspect(selected === s.id ? null : s.id)} aria-expanded={selected === s.id}>
                {t('suspects.clips')} ({s.clips.length})
              </button>
            </header>
            {s.url && <p className="small url">{s.url}</p>}
            {selected === s.id && (
              <div className="card-body">
                <DropZone label={t('files.dropClips')} busy={busy} onFiles={(f) => void importClips(s, f)} />
                <p className="muted small" data-testid="minimum-speech">{t('suspects.minimumSpeech', { min: MIN_SCORED_SPEECH_SECONDS, short: SHORT_SPEECH_SECONDS })}</p>
                {s.clips.length === 0 && <p className="muted">{t('suspects.noClips')}</p>}
                <ul className="recording-list">
                  {s.clips.map((c) => (
                    <li key={c.id} className="recording">
                      <div className="recording-main">
                        <strong>{c.originalName}</strong>
                        <span className="muted small">
                          {c.container}/{c.codec} · {formatSeconds(c.quality.durationSeconds)} · {t('detail.speech', { seconds: formatSeconds(c.quality.speechSeconds) })}
                        </span>
                        {c.quality.warnings.length > 0 && (
                          <span className="weak-note" data-testid="clip-warnings">
                            ⚠ {c.quality.warnings.map((w) => qualityWarning(w.code)).join(' / ')}
                          </span>
                        )}
                        <code className="hash small">SHA-256 {c.sha256.slice(0, 16)}…</code>
                        <RecordingPlayer recordingId={c.id} name={c.originalName} />
                      </div>
                    </li>
                  ))}
                </ul>
                <CapturePanel suspect={s} onChanged={() => void reload()} />
              </div>
            )}
          </article>
        ))}
      </div>
      {adding && (
        <SuspectForm
          onDone={(s) => {
            setAdding(false);
            if (s) {
              openSuspect(s.id);
              void reload();
            }
          }}
        />
      )}
    </section>
  );
}
