import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { call } from '../../api/client';
import type { CaseFacts, YesNoUnknown } from '../../../../src/api/contract';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';

/** The case's facts and chosen legal grounds, with warnings where a ground does not fit. */
export function CaseLegalCard({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const notify = useAppStore((s) => s.notify);
  const { value: legal, reload } = useCall('grounds.forCase', { caseId });
  const { value: grounds } = useCall('grounds.list', {});
  const [facts, setFacts] = useState<CaseFacts | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => {
    if (legal) {
      setFacts(legal.facts);
      setChosen(legal.grounds);
    }
  }, [legal]);

  async function save() {
    if (!facts) return;
    const res = await call('grounds.setForCase', { caseId, grounds: chosen, facts });
    if (!res.ok) notify('error', errorText(t, res.error));
    await reload();
  }
  if (!legal || !facts || !grounds) return null;
  const ynu = (key: 'usedActualRecordings' | 'commercialUse') => (
    <label>
      {t(`letters.facts.${key}`)}
      <select value={facts[key]} onChange={(e) => setFacts({ ...facts, [key]: e.target.value as YesNoUnknown })}>
        <option value="unknown">{t('letters.unknown')}</option>
        <option value="yes">{t('letters.yes')}</option>
        <option value="no">{t('letters.no')}</option>
      </select>
    </label>
  );
  return (
    <div className="card" data-testid="case-legal">
      <h2>{t('letters.legal')}</h2>
      <div className="toolbar">
        {ynu('usedActualRecordings')}
        {ynu('commercialUse')}
        <label className="inline">
          <input type="checkbox" checked={facts.hasVideo} onChange={(e) => setFacts({ ...facts, hasVideo: e.target.checked })} />
          {t('letters.facts.hasVideo')}
        </label>
        <label className="inline">
          <input type="checkbox" checked={facts.electionCandidate} onChange={(e) => setFacts({ ...facts, electionCandidate: e.target.checked })} />
          {t('letters.facts.electionCandidate')}
        </label>
      </div>
      <fieldset className="grounds">
        <legend>{t('letters.groundsTitle')}</legend>
        {grounds.map((g) => (
          <label key={g.id} className="ground">
            <input type="checkbox" checked={chosen.includes(g.id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, g.id] : c.filter((x) => x !== g.id)))} />
            <span>
              <strong>{g.name[lang]}</strong> <span className="small muted">{g.basis[lang]}</span>
              <span className="small block">{g.explanation[lang]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {legal.warnings.length > 0 && (
        <ul className="warnings" role="note">
          {legal.warnings.map((w, i) => (
            <li key={i} className={`warning-${w.level}`}>
              {w.message[lang]}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => void save()}>
        {t('letters.saveLegal')}
      </button>
    </div>
  );
}
