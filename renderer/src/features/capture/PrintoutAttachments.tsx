import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { downloadBytes } from '../../lib/download';

/** The case's page printouts (URL visible) to attach to a removal request, each with its hash. */
export function PrintoutAttachments({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { value: printouts } = useCall('letters.printouts', { caseId });
  async function save(captureId: string, fileName: string) {
    const r = await call('captures.artefact', { captureId, kind: 'printout' });
    if (r.ok) downloadBytes(r.value as Uint8Array<ArrayBuffer>, fileName, 'application/pdf');
  }
  return (
    <div className="printouts" data-testid="printouts">
      <h3>{t('capture.attachments')}</h3>
      <p className="muted small">{t('capture.attachmentsHelp')}</p>
      {printouts && printouts.length === 0 && <p className="muted small">{t('capture.noAttachments')}</p>}
      <ul className="plain">
        {printouts?.map((p) => (
          <li key={p.captureId} className="small">
            <strong>{p.suspectLabel}</strong> · <span className="url">{p.finalUrl}</span> · {p.capturedAt}{' '}
            <code className="hash">SHA-256 {p.sha256.slice(0, 16)}…</code>{' '}
            <button type="button" onClick={() => void save(p.captureId, p.fileName)}>
              {t('capture.savePrintout')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
