import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { CaseFacts } from '../../../../src/api/contract';
import { useAppStore } from '../../app/store';
import { downloadBytes } from '../../lib/download';
import { letterError } from './letterError';

/** The power of attorney (委任状) of an agent or lawyer: attach it with its date, or save the stored copy. */
export function PoaCard({ caseId, facts, onSaved }: { caseId: string; facts: CaseFacts; onSaved: () => void }) {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const [signedOn, setSignedOn] = useState(facts.poaSignedOn ?? '');
  const [file, setFile] = useState<File | null>(null);

  async function attach() {
    if (!file || !signedOn) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const res = await call('grounds.attachPoa', { caseId, name: file.name, bytes, signedOn });
    if (!res.ok) return notify('error', letterError(t, res.error));
    notify('success', t('legal.poaAttached', { file: file.name }));
    onSaved();
  }
  async function save() {
    const res = await call('grounds.poaDocument', { caseId });
    if (!res.ok) return notify('error', letterError(t, res.error));
    downloadBytes(res.value.bytes as Uint8Array<ArrayBuffer>, res.value.fileName, 'application/octet-stream');
  }
  return (
    <fieldset className="fact-group" data-testid="poa">
      <legend>{t('legal.poa')}</legend>
      <div className="toolbar">
        {facts.poaDocument && (
          <span className="small">
            {facts.poaDocument.fileName} · {facts.poaSignedOn} · <code className="hash">SHA-256 {facts.poaDocument.sha256.slice(0, 16)}…</code>{' '}
            <button type="button" onClick={() => void save()}>
              {t('legal.poaSave')}
            </button>
          </span>
        )}
        <label className="fact">
          {t('legal.facts.poaSignedOn')}
          <input type="date" value={signedOn} onChange={(e) => setSignedOn(e.target.value)} />
        </label>
        <label className="fact">
          {t('legal.poaFile')}
          <input type="file" data-testid="poa-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <button type="button" disabled={!file || !signedOn} onClick={() => void attach()}>
          {t('legal.poaAttach')}
        </button>
      </div>
    </fieldset>
  );
}
