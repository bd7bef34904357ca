import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { DELIVERY_METHODS } from '../../../../src/api/contract';
import type { DeliveryMethod, LetterDetail } from '../../../../src/api/contract';
import { useAppStore } from '../../app/store';
import { letterError } from './letterError';

/** Marking a letter sent (when, how, when received) and, once sent, the receipt date and YouTube's notice. */
export function SendPanel({ letter, onChange }: { letter: LetterDetail; onChange: (l: LetterDetail) => void }) {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const [sentAt, setSentAt] = useState('');
  const [via, setVia] = useState<DeliveryMethod>('web-form');
  const [receivedOn, setReceivedOn] = useState(letter.receivedOn ?? '');
  const [notifiedAt, setNotifiedAt] = useState('');
  useEffect(() => setReceivedOn(letter.receivedOn ?? ''), [letter.receivedOn]);

  const done = (res: Awaited<ReturnType<typeof call<'letters.markSent'>>>) => {
    if (res.ok) onChange(res.value);
    else notify('error', letterError(t, res.error));
  };
  const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);

  if (letter.status === 'draft')
    return (
      <div className="toolbar" data-testid="send-panel">
        <label>
          {t('legal.sentAt')}
          <input type="datetime-local" value={sentAt} onChange={(e) => setSentAt(e.target.value)} />
        </label>
        <label>
          {t('legal.via')}
          <select value={via} onChange={(e) => setVia(e.target.value as DeliveryMethod)}>
            {DELIVERY_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`legal.methods.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('legal.receivedOn')}
          <input type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
        </label>
        <button
          type="button"
          className="primary"
          disabled={letter.exports.length === 0}
          onClick={() => void call('letters.markSent', { id: letter.id, at: iso(sentAt), deliveryMethod: via, receivedOn: receivedOn || null }).then(done)}
        >
          {t('letters.markSent')}
        </button>
      </div>
    );
  return (
    <div className="toolbar" data-testid="send-panel">
      <span className="small muted">
        {t('letters.sent', { at: (letter.sentAt ?? '').slice(0, 16).replace('T', ' ') })} · {letter.deliveryMethod ? t(`legal.methods.${letter.deliveryMethod}`) : ''}
      </span>
      <label>
        {t('legal.receivedOn')}
        <input type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
      </label>
      <button type="button" disabled={!receivedOn || receivedOn === letter.receivedOn} onClick={() => void call('letters.setDates', { id: letter.id, receivedOn }).then(done)}>
        {t('legal.recordReceipt')}
      </button>
      {letter.regime === 'youtube' && (
        <>
          <label>
            {t('legal.uploaderNotifiedAt')}
            <input type="datetime-local" value={notifiedAt} onChange={(e) => setNotifiedAt(e.target.value)} />
          </label>
          <button type="button" disabled={!notifiedAt} onClick={() => void call('letters.setDates', { id: letter.id, uploaderNotifiedAt: iso(notifiedAt) }).then(done)}>
            {t('legal.recordNotice')}
          </button>
        </>
      )}
    </div>
  );
}
