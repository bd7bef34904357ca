import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { CaseFacts } from '../../../../src/api/contract';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';
import { letterError } from './letterError';
import { FactsForm } from './FactsForm';
import { PoaCard } from './PoaCard';

const STATUS_TAG = { confirmed: 'tag ok', belief: 'tag warn', contradicted: 'tag bad' } as const;

/** The case's facts and chosen legal grounds: how each ground stands on the facts, and the history. */
export function CaseLegalCard({ caseId, onSaved }: { caseId: string; onSaved?: () => void }) {
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

  /** Saves the form; after attaching a power of attorney, keeps the stored date and document. */
  async function save(keepPoa = false) {
    if (!facts) return;
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the document is set only by attaching it
    const { poaDocument, poaSignedOn, ...rest } = facts;
    const res = await call('grounds.setForCase', { caseId, grounds: chosen, facts: keepPoa ? rest : { ...rest, poaSignedOn } });
    if (!res.ok) notify('error', letterError(t, res.error));
    await reload();
    onSaved?.();
  }
  if (!legal || !facts || !grounds) return null;
  const statusOf = (id: string) => legal.assessments.find((a) => a.id === id);
  return (
    <div className="card" data-testid="case-legal">
      <h2>{t('letters.legal')}</h2>
      <p className="small muted">{t('legal.factsHint')}</p>
      <FactsForm facts={facts} onChange={setFacts} />
      {(facts.capacity === 'agent' || facts.capacity === 'lawyer') && (
        <PoaCard
          caseId={caseId}
          facts={legal.facts}
          onSaved={() => void save(true)}
        />
      )}
      <fieldset className="grounds">
        <legend>{t('letters.groundsTitle')}</legend>
        {grounds.map((g) => {
          const a = statusOf(g.id);
          return (
            <label key={g.id} className="ground" data-ground={g.id}>
              <input type="checkbox" checked={chosen.includes(g.id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, g.id] : c.filter((x) => x !== g.id)))} />
              <span>
                <strong>{g.name[lang]}</strong> <span className="small muted">{g.basis[lang]}</span>{' '}
                {a && <span className={STATUS_TAG[a.status]}>{t(`legal.status.${a.status}`)}</span>}
                <span className="small block">{g.explanation[lang]}</span>
              </span>
            </label>
          );
        })}
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
      <button type="button" className="primary" onClick={() => void save(false)}>
        {t('letters.saveLegal')}
      </button>
      {legal.history.length > 0 && (
        <details className="spaced">
          <summary>
            {t('legal.history')} ({legal.history.length})
          </summary>
          <ol className="history small">
            {legal.history.map((h, i) => (
              <li key={i}>
                {t('legal.historyItem', {
                  at: h.at.slice(0, 16).replace('T', ' '),
                  actor: h.actor,
                  grounds: h.grounds.map((id) => grounds.find((g) => g.id === id)?.name[lang] ?? id).join('、') || t('legal.none'),
                })}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
