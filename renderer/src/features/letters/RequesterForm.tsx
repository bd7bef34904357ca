import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { call } from '../../api/client';
import type { Requester } from '../../../../src/api/contract';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';

const FIELDS = ['name', 'organisation', 'address', 'email', 'phone'] as const;

/** Who sends the requests: printed on every letter and required before export. */
export function RequesterForm() {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const { value, reload } = useCall('letters.requester', {});
  const [r, setR] = useState<Requester | null>(null);
  useEffect(() => setR(value ?? null), [value]);
  if (!r) return null;
  return (
    <form
      className="requester"
      onSubmit={(e) => {
        e.preventDefault();
        void call('letters.setRequester', r).then((res) => {
          if (res.ok) notify('success', t('settings.saved'));
          else notify('error', errorText(t, res.error));
          void reload();
        });
      }}
    >
      {FIELDS.map((f) => (
        <div className="field" key={f}>
          <label htmlFor={`requester-${f}`}>{t(`letters.requesterFields.${f}`)}</label>
          <input id={`requester-${f}`} type={f === 'email' ? 'email' : 'text'} value={r[f] ?? ''} onChange={(e) => setR({ ...r, [f]: e.target.value })} />
        </div>
      ))}
      <button type="submit" className="primary">
        {t('settings.save')}
      </button>
    </form>
  );
}
