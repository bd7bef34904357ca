import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { call } from '../../api/client';
import { KNOWN_TSAS } from '../../../../src/api/contract';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';

/** Examiner (required to export), time-stamping authority, this installation's key and the trusted keys. */
export function EvidenceSection() {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const fail = (e: { code: string; message: string }) => notify('error', t('evidence.errors.' + e.code, { defaultValue: errorText(t, e) }));
  const { value: settings, reload } = useCall('evidence.settings', {});
  const { value: key, reload: reloadKey } = useCall('evidence.key', {});
  const { value: keys, reload: reloadKeys } = useCall('evidence.keys', {});
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [tsa, setTsa] = useState('');
  const [label, setLabel] = useState('');
  const file = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setName(settings?.examiner?.name ?? '');
    setRole(settings?.examiner?.role ?? '');
    setTsa(settings?.tsaUrl ?? '');
  }, [settings]);
  const known = KNOWN_TSAS.some((k) => k.url === tsa);

  async function save() {
    const res = await call('evidence.updateSettings', { examiner: name.trim() || role.trim() ? { name, role } : null, tsaUrl: tsa || null });
    if (res.ok) notify('success', t('evidence.settings.saved'));
    else fail(res.error);
    await reload();
  }
  async function rotate() {
    if (!window.confirm(t('evidence.settings.rotateConfirm'))) return;
    const res = await call('evidence.rotateKey', {});
    if (res.ok) notify('success', t('evidence.settings.rotated'));
    else fail(res.error);
    await Promise.all([reloadKey(), reloadKeys()]);
  }
  async function importKey(file: File) {
    const res = await call('evidence.trustKey', { publicKeyPem: await file.text(), label: label || file.name });
    if (!res.ok) fail(res.error);
    setLabel('');
    await reloadKeys();
  }
  async function remove(fingerprint: string) {
    const res = await call('evidence.untrustKey', { fingerprint });
    if (!res.ok) fail(res.error);
    await reloadKeys();
  }

  return (
    <div data-testid="evidence-settings">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor="examiner-name">{t('evidence.settings.examiner')}</label>
          <input id="examiner-name" type="text" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="examiner-role">{t('evidence.settings.role')}</label>
          <input id="examiner-role" type="text" value={role} onChange={(e) => setRole(e.target.value)} />
        </div>
        <p className="small muted">{t('evidence.settings.examinerHint')}</p>
        <div className="field">
          <label htmlFor="tsa">{t('evidence.settings.tsa')}</label>
          <select id="tsa" value={known || tsa === '' ? tsa : 'custom'} onChange={(e) => setTsa(e.target.value === 'custom' ? 'https://' : e.target.value)}>
            <option value="">{t('evidence.settings.tsaNone')}</option>
            {KNOWN_TSAS.map((k) => (
              <option key={k.url} value={k.url}>
                {k.name} — {k.url}
              </option>
            ))}
            <option value="custom">{t('evidence.settings.tsaCustom')}</option>
          </select>
          {!known && tsa !== '' && <input aria-label={t('evidence.settings.tsaCustom')} type="url" value={tsa} onChange={(e) => setTsa(e.target.value)} />}
        </div>
        <p className="small muted">{t('evidence.settings.tsaHint')}</p>
        <button type="submit" className="primary">
          {t('evidence.settings.save')}
        </button>
      </form>
      <h3>{t('evidence.settings.fingerprint')}</h3>
      {key && <code className="hash" data-testid="key-fingerprint">{key.fingerprint}</code>}
      <div className="toolbar">
        <button type="button" onClick={() => void rotate()}>
          {t('evidence.settings.rotate')}
        </button>
      </div>
      <h3>{t('evidence.settings.trusted')}</h3>
      <ul className="plain">
        {keys?.map((k) => (
          <li key={k.fingerprint} className="model">
            <div>
              <strong>{k.source === 'installation' ? t('evidence.settings.installation') : k.label}</strong>{' '}
              {k.retiredAt && <span className="tag">{t('evidence.settings.retired')}</span>}
              <div>
                <code className="hash small">{k.fingerprint}</code>
              </div>
            </div>
            {k.source === 'imported' && (
              <button type="button" onClick={() => void remove(k.fingerprint)}>
                {t('evidence.settings.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="toolbar">
        <label>
          {t('evidence.settings.keyLabel')}
          <input type="text" value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <button type="button" onClick={() => file.current?.click()}>
          {t('evidence.settings.importKey')}
        </button>
        <input ref={file} type="file" accept=".pem,.pub,.txt" hidden data-testid="key-file" onChange={(e) => e.target.files?.[0] && void importKey(e.target.files[0])} />
      </div>
    </div>
  );
}
