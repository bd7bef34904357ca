import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AI_USES } from '../../../../src/api/contract';
import type { AiUse, ConsentStatement } from '../../api/client';

interface Props {
  consent: ConsentStatement | null;
  onSave: (c: ConsentStatement | null) => void;
}

/** Which AI uses the performer allows, when they said so, and where that is recorded. */
export function ConsentEditor({ consent, onSave }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [allowed, setAllowed] = useState<AiUse[]>(consent?.allowedUses ?? []);
  const [statedOn, setStatedOn] = useState(consent?.statedOn ?? '');
  const [source, setSource] = useState(consent?.source ?? '');

  if (!editing)
    return (
      <div className="consent" data-testid="consent">
        <p>
          {!consent && <span className="muted">{t('detail.consentNone')}</span>}
          {consent && consent.allowedUses.length === 0 && <strong>{t('detail.consentOptOut')}</strong>}
          {consent && consent.allowedUses.length > 0 && consent.allowedUses.map((u) => t(`consent.uses.${u}`)).join('、')}
          {consent?.statedOn && ` · ${t('detail.statedOn')} ${consent.statedOn}`}
          {consent?.source && ` · ${t('detail.source')}: ${consent.source}`}
        </p>
        <button type="button" onClick={() => setEditing(true)}>
          {t('consent.record')}
        </button>
      </div>
    );
  return (
    <fieldset className="consent-editor">
      <legend>{t('consent.allowed')}</legend>
      <div className="checks">
        {AI_USES.map((u) => (
          <label key={u}>
            <input
              type="checkbox"
              checked={allowed.includes(u)}
              onChange={(e) => setAllowed((a) => (e.target.checked ? [...a, u] : a.filter((x) => x !== u)))}
            />
            {t(`consent.uses.${u}`)}
          </label>
        ))}
      </div>
      <label>
        {t('detail.statedOn')}
        <input type="date" value={statedOn} onChange={(e) => setStatedOn(e.target.value)} />
      </label>
      <label>
        {t('detail.source')}
        <input type="text" value={source} onChange={(e) => setSource(e.target.value)} />
      </label>
      <div className="actions">
        <button type="button" onClick={() => setEditing(false)}>
          {t('form.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => {
            onSave({ allowedUses: allowed, statedOn: statedOn || null, source: source || null });
            setEditing(false);
          }}
        >
          {t('form.save')}
        </button>
      </div>
    </fieldset>
  );
}
