import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { call } from '../../api/client';
import type { FieldIssue, Performer } from '../../api/client';
import { Modal } from '../../components/Modal';
import { useAppStore } from '../../app/store';

const FIELDS = ['name', 'kana', 'romaji', 'agency'] as const;
type FieldName = (typeof FIELDS)[number] | 'notes';
type Values = Record<FieldName, string>;

interface Props {
  performer: Performer | null;
  onDone: (saved: Performer | null) => void;
}

/** Add or edit a performer; the core validates, and each complaint is shown next to its field. */
export function PerformerForm({ performer, onDone }: Props) {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const [values, setValues] = useState<Values>({
    name: performer?.name ?? '',
    kana: performer?.kana ?? '',
    romaji: performer?.romaji ?? '',
    agency: performer?.agency ?? '',
    notes: performer?.notes ?? '',
  });
  const [language, setLanguage] = useState(performer?.language ?? 'ja');
  const [issues, setIssues] = useState<Partial<Record<FieldName, FieldIssue>>>({});
  const [saving, setSaving] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    const res = performer
      ? await call('performers.update', { id: performer.id, ...values, language })
      : await call('performers.create', { ...values, language });
    setSaving(false);
    if (res.ok) {
      notify('success', t('form.saved', { name: res.value.name }));
      onDone(res.value);
      return;
    }
    const byField: Partial<Record<FieldName, FieldIssue>> = {};
    for (const issue of res.error.issues ?? []) byField[issue.path as FieldName] ??= issue;
    setIssues(byField);
    if (!res.error.issues?.length) notify('error', t('form.failed', { message: errorText(t, res.error) }));
  }

  const field = (name: FieldName, multiline = false) => {
    const issue = issues[name];
    const id = `performer-${name}`;
    const common = {
      id,
      name,
      value: values[name],
      'aria-invalid': issue ? true : undefined,
      'aria-describedby': issue ? `${id}-error` : undefined,
      onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    };
    return (
      <div className="field" key={name}>
        <label htmlFor={id}>
          {t(`form.${name}`)}
          {name === 'name' && <span className="required"> ({t('form.required')})</span>}
        </label>
        {multiline ? <textarea rows={3} {...common} /> : <input type="text" autoComplete="off" {...common} />}
        <p id={`${id}-error`} className="field-error" role={issue ? 'alert' : undefined}>
          {issue ? t(`validation.${issue.kind}`, { limit: issue.limit }) : '\u00a0'}
        </p>
      </div>
    );
  };

  return (
    <Modal
      title={performer ? t('form.editTitle') : t('form.addTitle')}
      labelId="performer-form-title"
      onClose={() => onDone(null)}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        {FIELDS.map((f) => field(f))}
        <div className="field">
          <label htmlFor="performer-language">{t('population.performerLanguage')}</label>
          <select id="performer-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
            {['ja', 'en', 'zh', 'ko'].map((c) => (
              <option key={c} value={c}>
                {t(`population.languages.${c}`)}
              </option>
            ))}
          </select>
        </div>
        {field('notes', true)}
        <div className="actions">
          <button type="button" onClick={() => onDone(null)}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('form.saving') : t('form.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
