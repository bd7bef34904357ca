import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { FieldSource, PageField, Suspect } from '../../api/client';
import { useAppStore } from '../../app/store';
import { useCall } from '../../api/useCall';

function FieldRow({ suspect, source, onChanged }: { suspect: Suspect; source: FieldSource; onChanged: () => void }) {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const [editing, setEditing] = useState<string | null>(null);
  const value = suspect[source.field] ?? '';
  async function run(p: Promise<{ ok: boolean; error?: { code: string } }>) {
    const r = await p;
    if (!r.ok) notify('error', t('capture.errors.other', { code: r.error?.code ?? '' }));
    setEditing(null);
    onChanged();
  }
  const save = (v: string) => run(call('suspects.update', { id: suspect.id, [source.field]: v } as { id: string } & Partial<Record<PageField, string>>));
  return (
    <li className="page-field" data-field={source.field}>
      <span className="page-field-name">{t(`capture.fields.${source.field}`)}</span>
      {editing === null ? (
        <span className="page-field-value">{value}</span>
      ) : (
        <input aria-label={t(`capture.fields.${source.field}`)} value={editing} onChange={(e) => setEditing(e.target.value)} />
      )}
      <span className={source.confirmedAt ? 'tag tag-ok' : 'tag tag-page'}>{source.confirmedAt ? t('capture.confirmed') : t('capture.fromPageTag')}</span>
      <span className="field-actions">
        {editing === null && !source.confirmedAt && (
          <button type="button" onClick={() => void run(call('suspects.confirmField', { id: suspect.id, field: source.field }))}>
            {t('capture.confirm')}
          </button>
        )}
        {editing === null ? (
          <button type="button" onClick={() => setEditing(value)}>
            {t('capture.edit')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void save(editing)}>
            {t('capture.save')}
          </button>
        )}
      </span>
    </li>
  );
}

/** The suspect's fields that came from a captured page, to confirm or edit; and their history. */
export function PageFields({ suspect, onChanged }: { suspect: Suspect; onChanged: () => void }) {
  const { t } = useTranslation();
  const [showHistory, setShowHistory] = useState(false);
  const { value: history, reload } = useCall('suspects.fieldHistory', { id: suspect.id }, [suspect]);
  if (suspect.fieldSources.length === 0 && !history?.length) return null;
  const changed = () => {
    onChanged();
    void reload();
  };
  return (
    <div className="page-fields">
      {suspect.fieldSources.length > 0 && (
        <>
          <h4>{t('capture.fromPage')}</h4>
          <ul className="plain">
            {suspect.fieldSources.map((f) => (
              <FieldRow key={f.field} suspect={suspect} source={f} onChanged={changed} />
            ))}
          </ul>
        </>
      )}
      {history && history.length > 0 && (
        <details open={showHistory} onToggle={(e) => setShowHistory((e.target as HTMLDetailsElement).open)}>
          <summary>{t('capture.history')}</summary>
          <ul className="history small">
            {history.map((h, i) => (
              <li key={i}>
                {h.at} · {t(`capture.fields.${h.field}`, { defaultValue: h.field })}: {h.oldValue ?? '—'} → {h.newValue ?? '—'} ({t(`capture.sources.${h.source}`)}, {h.actor})
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
