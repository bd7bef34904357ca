import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';
import { DropZone } from '../../components/DropZone';
import { ProgressBar } from '../../components/ProgressBar';
import { useJob } from '../screening/useJob';

/** Installed speaker models, import of an .onnx file, and install from the catalog. */
export function ModelsSection() {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const { value: models, reload } = useCall('models.list', {});
  const { value: catalog } = useCall('models.catalog', {});
  const [busy, setBusy] = useState(false);
  // A model without sherpa-onnx metadata: ask which front-end it was trained with.
  const [needsPreset, setNeedsPreset] = useState<{ name: string; bytes: Uint8Array<ArrayBuffer> } | null>(null);
  const [preset, setPreset] = useState<'wespeaker' | '3dspeaker'>('3dspeaker');
  const { job, follow } = useJob((j) => {
    if (j.state === 'failed' && j.error) notify('error', errorText(t, j.error));
    void reload();
  });

  async function importFiles(files: { name: string; bytes: Uint8Array<ArrayBuffer> }[]) {
    setBusy(true);
    for (const f of files) {
      const res = await call('models.importFile', { name: f.name, bytes: f.bytes });
      if (!res.ok && res.error.code === 'MODEL_PRESET_REQUIRED') setNeedsPreset(f);
      else if (!res.ok) notify('error', t('files.failed', { name: f.name, message: errorText(t, res.error) }));
    }
    setBusy(false);
    await reload();
  }
  async function importWithPreset() {
    if (!needsPreset) return;
    setBusy(true);
    const res = await call('models.importFile', { ...needsPreset, preset });
    setBusy(false);
    if (!res.ok) notify('error', t('files.failed', { name: needsPreset.name, message: errorText(t, res.error) }));
    setNeedsPreset(null);
    await reload();
  }
  async function makeDefault(id: string) {
    const res = await call('models.setDefault', { id });
    if (!res.ok) notify('error', errorText(t, res.error));
    await reload();
  }
  async function install(catalogId: string) {
    const res = await call('models.install', { catalogId });
    if (res.ok) follow(res.value);
    else notify('error', errorText(t, res.error));
  }

  return (
    <div>
      <ul className="plain model-list" data-testid="models">
        {models?.map((m) => (
          <li key={m.sha256} className="model">
            <div>
              <strong>{m.displayName}</strong> {m.isDefault && <span className="tag">{t('settings.default')}</span>}{' '}
              <span className={m.calibration ? 'tag ok' : 'tag warn'}>{m.calibration ? t('settings.calibrated') : t('settings.uncalibrated')}</span>
              <div className="small muted">
                {m.id} · {t('settings.preset')} {m.preset} · {t('settings.dim')} {m.embeddingDim} · {t('settings.licence')} {m.licence ?? '—'}
              </div>
              <code className="hash small">SHA-256 {m.sha256}</code>
            </div>
            {!m.isDefault && (
              <button type="button" onClick={() => void makeDefault(m.id)}>
                {t('settings.makeDefault')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('settings.importModel')}</h3>
      <DropZone label={t('settings.importModel')} accept=".onnx" busy={busy} onFiles={(f) => void importFiles(f)} />
      {needsPreset && (
        <div className="info-banner" role="alertdialog" aria-label={t('settings.presetQuestion', { name: needsPreset.name })}>
          <p>{t('settings.presetQuestion', { name: needsPreset.name })}</p>
          <div className="toolbar">
            <label>
              {t('settings.preset')}
              <select value={preset} onChange={(e) => setPreset(e.target.value as 'wespeaker' | '3dspeaker')}>
                <option value="3dspeaker">3dspeaker (3D-Speaker CAM++ / ERes2Net)</option>
                <option value="wespeaker">wespeaker (WeSpeaker ResNet34 / CAM++)</option>
              </select>
            </label>
            <button type="button" className="primary" disabled={busy} onClick={() => void importWithPreset()}>
              {t('settings.importModel')}
            </button>
            <button type="button" onClick={() => setNeedsPreset(null)}>
              {t('form.cancel')}
            </button>
          </div>
        </div>
      )}
      <h3>{t('settings.install')}</h3>
      {job?.state === 'running' && <ProgressBar done={job.done} total={job.total} etaSeconds={job.etaSeconds} />}
      <ul className="plain">
        {catalog?.map((c) => (
          <li key={c.id} className="model">
            <div>
              <strong>{c.displayName}</strong>
              <div className="small muted">
                {c.id} · {c.licence}
              </div>
            </div>
            <button type="button" disabled={job?.state === 'running'} onClick={() => void install(c.id)}>
              {job?.state === 'running' ? t('settings.installing') : t('settings.installOne')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
