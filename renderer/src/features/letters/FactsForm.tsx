import { useTranslation } from 'react-i18next';
import { SENDER_CAPACITIES } from '../../../../src/api/contract';
import type { CaseFacts, SenderCapacity, YesNoUnknown } from '../../../../src/api/contract';

type YnuKey = { [K in keyof CaseFacts]: CaseFacts[K] extends YesNoUnknown ? K : never }[keyof CaseFacts];
type BoolKey = 'hasVideo' | 'electionCandidate';
type TextKey = 'copiedWork' | 'workOwner' | 'euLegalBasis' | 'principal' | 'poaSignedOn';
type Item = { ynu: YnuKey } | { bool: BoolKey } | { text: TextKey } | { capacity: true };

const GROUPS: { id: 'claims' | 'copyright' | 'eu' | 'sender'; items: Item[] }[] = [
  {
    id: 'claims',
    items: [
      { ynu: 'harmsReputation' },
      { ynu: 'insulting' },
      { ynu: 'exclusiveExploitation' },
      { ynu: 'commercialUse' },
      { ynu: 'wellKnownVoice' },
      { ynu: 'misleadingIndication' },
      { ynu: 'discreditsBusiness' },
      { ynu: 'usedActualRecordings' },
      { ynu: 'cinematographicConsent' },
      { ynu: 'operatorIsPoster' },
      { bool: 'hasVideo' },
      { bool: 'electionCandidate' },
    ],
  },
  { id: 'copyright', items: [{ text: 'copiedWork' }, { text: 'workOwner' }, { ynu: 'ownerAuthorised' }] },
  { id: 'eu', items: [{ text: 'euLegalBasis' }] },
  { id: 'sender', items: [{ capacity: true }, { text: 'principal' }, { text: 'poaSignedOn' }, { ynu: 'agentUnpaid' }, { ynu: 'ownInterest' }, { ynu: 'legalRepresentative' }] },
];

/** Every fact of a case, grouped: yes / no / unknown, checkboxes, text, and who sends. */
export function FactsForm({ facts, onChange }: { facts: CaseFacts; onChange: (f: CaseFacts) => void }) {
  const { t } = useTranslation();
  const item = (it: Item) => {
    if ('ynu' in it)
      return (
        <label key={it.ynu} className="fact">
          {t(`legal.facts.${it.ynu}`)}
          <select data-fact={it.ynu} value={facts[it.ynu]} onChange={(e) => onChange({ ...facts, [it.ynu]: e.target.value as YesNoUnknown })}>
            <option value="unknown">{t('letters.unknown')}</option>
            <option value="yes">{t('letters.yes')}</option>
            <option value="no">{t('letters.no')}</option>
          </select>
        </label>
      );
    if ('bool' in it)
      return (
        <label key={it.bool} className="inline fact">
          <input type="checkbox" data-fact={it.bool} checked={facts[it.bool]} onChange={(e) => onChange({ ...facts, [it.bool]: e.target.checked })} />
          {t(`legal.facts.${it.bool}`)}
        </label>
      );
    if ('text' in it)
      return (
        <label key={it.text} className="fact">
          {t(`legal.facts.${it.text}`)}
          <input
            type={it.text === 'poaSignedOn' ? 'date' : 'text'}
            data-fact={it.text}
            value={facts[it.text] ?? ''}
            onChange={(e) => onChange({ ...facts, [it.text]: e.target.value === '' ? null : e.target.value })}
          />
        </label>
      );
    return (
      <label key="capacity" className="fact">
        {t('legal.facts.capacity')}
        <select data-fact="capacity" value={facts.capacity} onChange={(e) => onChange({ ...facts, capacity: e.target.value as SenderCapacity })}>
          {SENDER_CAPACITIES.map((c) => (
            <option key={c} value={c}>
              {t(`legal.capacities.${c}`)}
            </option>
          ))}
        </select>
      </label>
    );
  };
  return (
    <div className="facts-form">
      {GROUPS.map((g) => (
        <fieldset key={g.id} className="fact-group">
          <legend>{t(`legal.groups.${g.id}`)}</legend>
          <div className="toolbar">{g.items.map(item)}</div>
        </fieldset>
      ))}
    </div>
  );
}
