import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { call } from '../../api/client';
import type { ConsentStatement, Recording } from '../../api/client';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';
import { DropZone } from '../../components/DropZone';
import { formatSeconds } from '../../lib/bands';
import { ConsentEditor } from './ConsentEditor';
import { ReferenceList } from './ReferenceList';

/** Speech across all references against the 30 s target, warned where the voiceprint is built. */
function SpeechTotal({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  return (
    <p className={seconds < TARGET_SPEECH_SECONDS ? 'weak-note' : 'small muted'} data-testid="speech-total" role={seconds < TARGET_SPEECH_SECONDS ? 'note' : undefined}>
      {seconds < TARGET_SPEECH_SECONDS
        ? `⚠ ${t('performers2.speechShort', { seconds: formatSeconds(seconds) })}`
        : t('performers2.speechTotal', { seconds: formatSeconds(seconds) })}
    </p>
  );
}

/** Speech a voiceprint should rest on (the comparison caveats use the same figure). */
const TARGET_SPEECH_SECONDS = 30;

/** One performer: profile, consent, reference recordings with quality, voiceprints. */
export function PerformerDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const openPerformer = useAppStore((s) => s.openPerformer);
  const { value: p, error, reload } = useCall('performers.get', { id });
  const [busy, setBusy] = useState(false);
  const [enrolling, setEnrolling] = useState(false);

  async function importFiles(files: { name: string; bytes: Uint8Array<ArrayBuffer> }[]) {
    setBusy(true);
    let ok = 0;
    for (const f of files) {
      const res = await call('references.import', { performerId: id, name: f.name, bytes: f.bytes });
      if (res.ok) {
        if (res.value.duplicate) notify('success', t('files.duplicate', { name: f.name }));
        else ok++;
      } else notify('error', t('files.failed', { name: f.name, message: errorText(t, res.error) }));
    }
    if (ok) notify('success', t('files.imported', { count: ok }));
    setBusy(false);
    await reload();
  }

  async function remove(r: Recording) {
    const res = await call('recordings.remove', { id: r.id });
    if (!res.ok) notify('error', errorText(t, res.error));
    await reload();
  }

  async function saveConsent(consent: ConsentStatement | null) {
    const res = await call('performers.update', { id, consent });
    if (!res.ok) notify('error', errorText(t, res.error));
    await reload();
  }

  async function enroll() {
    setEnrolling(true);
    const res = await call('performers.enroll', { id });
    setEnrolling(false);
    if (res.ok) notify('success', t('detail.enrolled'));
    else notify('error', errorText(t, res.error));
    await reload();
  }

  if (error) return <p className="error-banner" role="alert">{errorText(t, error)}</p>;
  if (!p) return null;
  return (
    <section className="page" aria-labelledby="performer-title">
      <button type="button" className="link back" onClick={() => openPerformer(null)}>
        ← {t('detail.back')}
      </button>
      <header className="page-header">
        <h1 id="performer-title">{p.name}</h1>
        <span className="muted">{[p.kana, p.romaji, p.agency].filter(Boolean).join(' · ')}</span>
      </header>

      <div className="two-columns">
        <div className="card">
          <h2>{t('detail.references')}</h2>
          <DropZone label={t('files.dropReferences')} busy={busy} onFiles={(f) => void importFiles(f)} />
          {p.references.length === 0 ? <p className="muted">{t('detail.noReferences')}</p> : <ReferenceList recordings={p.references} onRemove={(r) => void remove(r)} />}
        </div>
        <div className="side-column">
          <div className="card">
            <h2>{t('detail.voiceprints')}</h2>
            {p.voiceprints.length === 0 && <p className="muted">{t('detail.noVoiceprint')}</p>}
            <ul className="plain" data-testid="voiceprints">
              {p.voiceprints.map((v) => (
                <li key={v.modelSha256}>
                  <strong>{v.modelId}</strong> {v.stale && <span className="stale">({t('detail.stale')})</span>}
                  <div className="small muted">{t('detail.built', { windows: v.windows, refs: v.references, seconds: formatSeconds(v.speechSeconds) })}</div>
                </li>
              ))}
            </ul>
            <SpeechTotal seconds={p.references.reduce((n, r) => n + r.quality.speechSeconds, 0)} />
            <button type="button" className="primary" disabled={enrolling || p.references.length === 0} onClick={() => void enroll()}>
              {enrolling ? t('detail.enrolling') : t('detail.enroll')}
            </button>
          </div>
          <div className="card">
            <h2>{t('detail.consent')}</h2>
            <ConsentEditor key={JSON.stringify(p.consent)} consent={p.consent} onSave={(c) => void saveConsent(c)} />
          </div>
        </div>
      </div>
    </section>
  );
}
