import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { LETTER_REGIMES } from '../../../../src/api/contract';
import type { GuidelineForm, LetterDetail, LetterRegime } from '../../../../src/api/contract';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';
import { letterError } from './letterError';
import { LetterEditor } from './LetterEditor';
import { OperatorForm } from './OperatorForm';
import { PrintoutAttachments } from '../capture/PrintoutAttachments';

/** Removal requests of one case: draft one per regime and platform, edit, export, track. */
export function LettersCard({ caseId, legalVersion = 0 }: { caseId: string; legalVersion?: number }) {
  const { t, i18n } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const { value: letters, reload } = useCall('letters.list', { caseId });
  const { value: platforms, reload: reloadPlatforms } = useCall('platforms.list', {});
  const [regime, setRegime] = useState<LetterRegime>('guideline');
  const [form, setForm] = useState<GuidelineForm | ''>('');
  const [platformId, setPlatformId] = useState('');
  const [lang, setLang] = useState<'ja' | 'en'>(i18n.language === 'en' ? 'en' : 'ja');
  const [open, setOpen] = useState<LetterDetail | null>(null);
  const openId = open?.id ?? null;
  // The case's facts or grounds changed: show the open letter (and the list) as they now stand.
  useEffect(() => {
    if (legalVersion === 0) return;
    void reload();
    if (openId) void call('letters.get', { id: openId }).then((res) => res.ok && setOpen(res.value));
  }, [legalVersion]);

  async function draft() {
    const res = await call('letters.draft', { caseId, regime, form: regime === 'guideline' && form ? form : null, lang, platformId: platformId || null });
    if (!res.ok) return notify('error', letterError(t, res.error));
    setOpen(res.value);
    await reload();
  }
  return (
    <div className="card" data-testid="letters">
      <h2>{t('letters.requests')}</h2>
      <div className="toolbar">
        <label>
          {t('letters.regime')}
          <select value={regime} onChange={(e) => setRegime(e.target.value as LetterRegime)} data-testid="letter-regime">
            {LETTER_REGIMES.map((r) => (
              <option key={r} value={r}>
                {t(`letters.regimes.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {regime === 'guideline' && (
          <label>
            {t('legal.form')}
            <select value={form} onChange={(e) => setForm(e.target.value as GuidelineForm | '')}>
              <option value="">{t('legal.forms.auto')}</option>
              <option value="personality">{t('legal.forms.personality')}</option>
              <option value="copyright">{t('legal.forms.copyright')}</option>
            </select>
          </label>
        )}
        <label>
          {t('letters.platform')}
          <select value={platformId} onChange={(e) => setPlatformId(e.target.value)} data-testid="letter-platform">
            <option value="">—</option>
            {platforms?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.operator}) · {p.designated ? t('legal.designatedTag') : t('legal.notDesignatedTag')}
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
      <OperatorForm
        onAdded={(p) => {
          void reloadPlatforms();
          setPlatformId(p.id);
        }}
      />
      <ul className="plain">
        {letters?.map((l) => (
          <li key={l.id} className="model">
            <div>
              <strong>{l.title}</strong> <span className="tag">{t(`letters.status.${l.status}`)}</span>{' '}
              {l.status === 'draft' && l.blockers.length > 0 && <span className="tag bad">{t('legal.blockedTitle')}</span>}
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
