import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureResult, Suspect } from '../../api/client';
import { useCall } from '../../api/useCall';
import { CaptureCard } from './CaptureCard';
import { CaptureForm } from './CaptureForm';
import { PageFields } from './PageFields';

/** The suspect page's capture section: the Capture action, prefilled fields, and every capture. */
export function CapturePanel({ suspect, onChanged }: { suspect: Suspect; onChanged: () => void }) {
  const { t } = useTranslation();
  const { value: captures, reload } = useCall('captures.list', { suspectId: suspect.id });
  const [differing, setDiffering] = useState<CaptureResult['differing']>([]);
  const changed = () => {
    onChanged();
    void reload();
  };
  return (
    <section className="capture-panel" aria-labelledby={`capture-title-${suspect.id}`}>
      <h3 id={`capture-title-${suspect.id}`}>{t('capture.title')}</h3>
      <CaptureForm
        suspect={suspect}
        onCaptured={(r) => {
          setDiffering(r.differing);
          changed();
        }}
      />
      {differing.length > 0 && (
        <ul className="plain small differing">
          {differing.map((d) => (
            <li key={d.field}>
              {t(`capture.fields.${d.field}`)}: {t('capture.differs', { value: d.pageValue })}
            </li>
          ))}
        </ul>
      )}
      <PageFields suspect={suspect} onChanged={onChanged} />
      <h4>{t('capture.list')}</h4>
      {captures && captures.length === 0 && <p className="muted small">{t('capture.none')}</p>}
      {captures?.map((c) => (
        <CaptureCard key={c.id} c={c} onChanged={changed} />
      ))}
    </section>
  );
}
