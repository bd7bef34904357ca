import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { call } from '../../api/client';
import type { FieldIssue, Suspect } from '../../api/client';
import { Modal } from '../../components/Modal';
import { useAppStore } from '../../app/store';

type TextField = 'label' | 'service' | 'operator' | 'characterName' | 'url' | 'platform' | 'uploader' | 'postedAt' | 'capturedAt' | 'foundAt';

/** Fields entered with the browser's date pickers (ISO values; the core refuses free text). */
const DATE_FIELDS: ReadonlySet<TextField> = new Set(['postedAt', 'capturedAt', 'foundAt']);

/** Registers a suspect AI voice model or clip with its provenance. */
export function SuspectForm({ onDone }: { onDone: (s: Suspect | null) => void }) {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const [kind, setKind] = useState<'voice_model' | 'clip'>('voice_model');
  const [values, setValues] = useState<Record<TextField | 'notes', string>>({
    label: '', service: '', operator: '', characterName: '', url: '', platform: '', uploader: '', postedAt: '', capturedAt: '', foundAt: '', notes: '',
  });
  const [issues, setIssues] = useState<Record<string, FieldIssue>>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await call('suspects.create', { kind, ...values });
    if (res.ok) {
      notify('success', t('suspects.created', { label: res.value.label }));
      onDone(res.value);
      return;
    }
    const byField: Record<string, FieldIssue> = {};
    for (const i of res.error.issues ?? []) byField[i.path] ??= i;
    setIssues(byField);
    if (!res.error.issues?.length) notify('error', errorText(t, res.error));
  }

  const visible: TextField[] = kind === 'voice_model'
    ? ['label', 'service', 'operator', 'characterName', 'url', 'foundAt']
    : ['label', 'platform', 'url', 'uploader', 'postedAt', 'capturedAt'];

  return (
    <Modal title={t('suspects.add')} labelId="suspect-form-title" onClose={() => onDone(null)}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="suspect-kind">{t('suspects.kind')}</label>
          <select id="suspect-kind" value={kind} onChange={(e) => setKind(e.target.value as 'voice_model' | 'clip')}>
            <option value="voice_model">{t('suspects.kinds.voice_model')}</option>
            <option value="clip">{t('suspects.kinds.clip')}</option>
          </select>
        </div>
        {visible.map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`suspect-${f}`}>
              {t(`suspects.${f}`)}
              {f === 'label' && <span className="required"> ({t('form.required')})</span>}
            </label>
            <input
              id={`suspect-${f}`}
              type={f === 'url' ? 'url' : f === 'foundAt' ? 'date' : f === 'postedAt' || f === 'capturedAt' ? 'datetime-local' : 'text'}
              value={values[f]}
              aria-invalid={issues[f] ? true : undefined}
              aria-describedby={`suspect-${f}-error`}
              onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
            />
            <p id={`suspect-${f}-error`} className="field-error">
              {issues[f]
                ? issues[f]?.kind === 'invalid' && DATE_FIELDS.has(f)
                  ? t('suspects2.badDate')
                  : t(`validation.${issues[f]?.kind ?? 'invalid'}`, { limit: issues[f]?.limit })
                : DATE_FIELDS.has(f)
                  ? t(f === 'foundAt' ? 'suspects2.dateHint' : 'suspects2.dateTimeHint')
                  : '\u00a0'}
            </p>
          </div>
        ))}
        <div className="field">
          <label htmlFor="suspect-notes">{t('suspects.notes')}</label>
          <textarea id="suspect-notes" rows={2} value={values.notes} onChange={(e) => setValues((v) => ({ ...v, notes: e.target.value }))} />
        </div>
        <div className="actions">
          <button type="button" onClick={() => onDone(null)}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('form.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
