import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { call } from '../../api/client';
import { LETTER_REGIMES } from '../../../../src/api/contract';
import type { LetterDetail, LetterRegime } from '../../../../src/api/contract';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';
import { LetterEditor } from './LetterEditor';
import { PrintoutAttachments } from '../capture/PrintoutAttachments';

/** Removal requests of one case: draft one per regime and platform, edit, export, track. */
export function LettersCard({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const { value: letters, reload } = useCall('letters.list', { caseId });
  const { value: platforms } = useCall('platforms.list', {});
  const [regime, setRegime] = useState<LetterRegime>('idpa');
  const [platformId, setPlatformId] = useState('');
  const [lang, setLang] = useState<'ja' | 'en'>(i18n.language === 'en' ? 'en' : 'ja');
  const [open, setOpen] = useState<LetterDetail | null>(null);

  async function draft() {
    const res = await call('letters.draft', { caseId, regime, lang, platformId: platformId || null });
    if (!res.ok) return notify('error', errorText(t, res.error));
    setOpen(res.value);
    await reload();
  }
  return (
    <div className="card" data-testid="letters">
      <h2>{t('letters.requests')}</h2>
      <div className="toolbar">
        <label>
          {t('letters.regime')}
          <select value={regime} onChange={(e) => setRegime(e.target.value as LetterRegime)}>
            {LETTER_REGIMES.map((r) => (
              <option key={r} value={r}>
                {t(`letters.regimes.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('letters.platform')}
          <select value={platformId} onChange={(e) => setPlatformId(e.target.value)}>
            <option value="">—</option>
            {platforms?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.operator})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('letters.lang')}
          <select value={lang} onChange={(e) => setLang(e.target.value as 'ja' | 'en')}>
            <option value="ja">日本語</option>
            <option value="en">English</option>
          </select>
        </label>
        <button type="button" className="primary" onClick={() => void draft()}>
          {t('letters.draft')}
        </button>
      </div>
      <ul className="plain">
        {letters?.map((l) => (
          <li key={l.id} className="model">
            <div>
              <strong>{l.title}</strong> <span className="tag">{t(`letters.status.${l.status}`)}</span>
              <div className="small muted">
                {l.addressee} · {l.lang} {l.sentAt && `· ${t('letters.sent', { at: l.sentAt.slice(0, 16).replace('T', ' ') })}`}
              </div>
            </div>
            <button type="button" onClick={() => setOpen(l)}>
              {t('letters.open')}
            </button>
          </li>
        ))}
      </ul>
      {open && (
        <LetterEditor
          letter={open}
          onChange={(l) => {
            setOpen(l);
            void reload();
          }}
        />
      )}
      <PrintoutAttachments caseId={caseId} />
    </div>
  );
}
