import { useState } from 'react';
import { formatDateTime } from '../../lib/dates';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { LetterDetail, LetterField, LetterFormat } from '../../../../src/api/contract';
import { useAppStore } from '../../app/store';
import { letterError } from './letterError';
import { fieldText } from '../../lib/errors';
import { downloadBytes } from '../../lib/download';
import { SendPanel } from './SendPanel';

const MIME: Record<LetterFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain;charset=utf-8',
};
const OUTCOMES = ['removed', 'partially-removed', 'refused', 'answered', 'no-response', 'escalated'];

/** Edits one request field by field (fields passed verbatim to the poster are marked), exports, tracks. */
export function LetterEditor({ letter, onChange }: { letter: LetterDetail; onChange: (l: LetterDetail) => void }) {
  const { t, i18n } = useTranslation();
  const uiLang = i18n.language === 'en' ? 'en' : 'ja';
  const notify = useAppStore((s) => s.notify);
  const setPage = useAppStore((s) => s.setPage);
  const [outcome, setOutcome] = useState('removed');

  async function edit(field: LetterField, value: string | null) {
    if (value !== null && value === field.value) return;
    const res = await call('letters.editField', { id: letter.id, field: field.key, value });
    if (res.ok) onChange(res.value);
    else notify('error', letterError(t, res.error));
  }
  async function exportAs(format: LetterFormat) {
    const res = await call('letters.export', { id: letter.id, format });
    if (!res.ok) return notify('error', letterError(t, res.error));
    downloadBytes(res.value.bytes as Uint8Array<ArrayBuffer>, res.value.fileName, MIME[format]);
    notify('success', t('letters.exported', { file: res.value.fileName }));
    const fresh = await call('letters.get', { id: letter.id });
    if (fresh.ok) onChange(fresh.value);
  }
  async function confirm(blocker: string, confirmed: boolean) {
    const res = await call('letters.confirm', { id: letter.id, blocker, confirmed });
    if (res.ok) onChange(res.value);
    else notify('error', letterError(t, res.error));
  }
  const blocked = letter.status === 'draft' && letter.blockers.length > 0;
  async function respond() {
    const res = await call('letters.recordResponse', { id: letter.id, outcome });
    if (res.ok) onChange(res.value);
    else notify('error', letterError(t, res.error));
  }
  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      notify('success', t('letters.copied'));
    } catch (e) {
      notify('error', String(e));
    }
  }

  return (
    <div className="letter-editor" data-testid="letter-editor">
      <header className="card-header">
        <h3>{letter.title}</h3>
        <span className="tag">{t(`letters.status.${letter.status}`)}</span>
        <span className="small muted">{letter.addressee}</span>
      </header>
      {blocked && (
        <div className="blockers" role="alert" data-testid="letter-blockers">
          <h4>{t('legal.blockedTitle')}</h4>
          <ul>
            {letter.blockers.map((b) => (
              <li key={b.id} data-blocker={b.id}>
                {b.message[uiLang]}{' '}
                {b.confirmable && (
                  <button type="button" onClick={() => void confirm(b.id, true)}>
                    {t('legal.confirm')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {letter.status === 'draft' &&
        letter.confirmed.map((id) => (
          <p key={id} className="small muted">
            {t('legal.confirmed', { id })}{' '}
            <button type="button" className="link" onClick={() => void confirm(id, false)}>
              {t('legal.withdraw')}
            </button>
          </p>
        ))}
      {letter.warnings.map((w, i) => (
        <p key={i} className={`warning-${w.level} small`}>
          {w.message[uiLang]}
        </p>
      ))}
      {letter.grounds.length > 0 && (
        <p className="small">
          {t('legal.grounds')}:{' '}
          {letter.grounds.map((g) => (
            <span key={g.id} className={g.status === 'confirmed' ? 'tag ok' : 'tag warn'} title={t(`legal.status.${g.status}`)}>
              {g.name[uiLang]}
            </span>
          ))}
        </p>
      )}
      {letter.missing.length > 0 && (
        <p className="error-banner small" role="alert">
          {t('letters.missing', { items: letter.missing.map((m) => fieldText(t, m)).join(t('errorFields.separator')) })}
          {letter.missing.some((m) => m.startsWith('requester.')) && (
            <>
              {' '}
              <button type="button" className="link" onClick={() => setPage('settings')}>
                {t('letters2.toSettings')}
              </button>
            </>
          )}
        </p>
      )}
      {letter.fields.map((f) => (
        <div key={f.key} className={f.verbatimToPoster ? 'letter-field verbatim' : 'letter-field'}>
          <label htmlFor={`field-${f.key}`}>
            {f.label}
            {f.verbatimToPoster && <span className="verbatim-tag"> {t('letters.verbatim')}</span>}
            {f.edited && <span className="tag"> {t('letters.edited')}</span>}
          </label>
          <textarea
            id={`field-${f.key}`}
            key={`${f.key}-${f.value}`}
            defaultValue={f.value}
            rows={Math.min(10, Math.max(2, f.value.split('\n').length + 1))}
            readOnly={letter.status !== 'draft'}
            onBlur={(e) => void edit(f, e.target.value)}
          />
          <div className="field-actions">
            <button type="button" onClick={() => void copy(f.value)} aria-label={`${t('letters.copy')}: ${f.label}`}>
              {t('letters.copy')}
            </button>
            {f.edited && letter.status === 'draft' && (
              <button type="button" onClick={() => void edit(f, null)}>
                {t('letters.reset')}
              </button>
            )}
          </div>
        </div>
      ))}
      <div className="toolbar">
        {(['pdf', 'docx', 'txt'] as const).map((f) => (
          <button key={f} type="button" disabled={letter.missing.length > 0 || blocked} title={blocked ? letter.blockers.map((b) => b.message[uiLang]).join('\n') : undefined} onClick={() => void exportAs(f)}>
            {t('letters.export', { format: f.toUpperCase() })}
          </button>
        ))}
        {letter.status === 'sent' && (
          <>
            <label>
              {t('letters.outcome')}
              <select value={outcome} onChange={(e) => setOutcome(e.target.value)}>
                {OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {t(`letters.outcomes.${o}`, { defaultValue: o })}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => void respond()}>
              {t('letters.response')}
            </button>
          </>
        )}
      </div>
      {letter.attachments.length > 0 && (
        <div className="small">
          <strong>{t('legal.attachments')}</strong>
          <ul>
            {letter.attachments.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </div>
      )}
      <SendPanel letter={letter} onChange={onChange} />
      {letter.clocks.length > 0 && (
        <div>
          <h4>{t('letters.clocks')}</h4>
          <ul className="plain">
            {letter.clocks.map((c) => (
              <li key={c.clock} className={!c.closedAt && Date.parse(c.dueAt) < Date.now() ? 'overdue' : ''}>
                {c.text[uiLang].label}: {c.dueOn ? t('legal.dueOn', { date: c.dueOn }) : t('letters.due', { at: formatDateTime(c.dueAt, uiLang) })} {c.closedAt ? `(${t('letters.closed')})` : ''}
                <div className="small muted">
                  {c.text[uiLang].basis} {c.dueOn ? t('legal.countingNote') : ''}
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
