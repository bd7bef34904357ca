import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { Platform } from '../../../../src/api/contract';
import { useAppStore } from '../../app/store';
import { letterError } from './letterError';

const KINDS = ['ai-voice-service', 'video-site', 'sns', 'other'] as const;
const REGIMES = ['idpa-other', 'dmca', 'dsa', 'youtube'] as const;

/** Adds a recipient operator (an AI voice service, a video site), designated or not, with its hosts. */
export function OperatorForm({ onAdded }: { onAdded: (p: Platform) => void }) {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const [name, setName] = useState('');
  const [operator, setOperator] = useState('');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('ai-voice-service');
  const [regime, setRegime] = useState<(typeof REGIMES)[number]>('idpa-other');
  const [hosts, setHosts] = useState('');
  const [intakeUrl, setIntakeUrl] = useState('');
  const [designated, setDesignated] = useState(false);
  const [open, setOpen] = useState(false);

  async function add() {
    const res = await call('platforms.add', {
      name,
      operator,
      kind,
      regime,
      designated,
      intakeUrl: intakeUrl || null,
      hosts: hosts.split(/[,、\s]+/).filter(Boolean),
    });
    if (!res.ok) return notify('error', letterError(t, res.error));
    notify('success', t('legal.operatorAdded', { name: res.value.name }));
    setName('');
    setOperator('');
    setHosts('');
    setIntakeUrl('');
    setDesignated(false);
    setOpen(false);
    onAdded(res.value);
  }
  return (
    <details className="operator-form" data-testid="operator-form" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('legal.operators')}</summary>
      <div className="toolbar spaced">
        <label>
          {t('legal.operatorName')}
          <input type="text" name="operator-name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('legal.operatorCompany')}
          <input type="text" name="operator-company" value={operator} onChange={(e) => setOperator(e.target.value)} />
        </label>
        <label>
          {t('legal.operatorKind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`legal.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('legal.operatorRegime')}
          <select value={regime} onChange={(e) => setRegime(e.target.value as (typeof REGIMES)[number])}>
            {REGIMES.map((r) => (
              <option key={r} value={r}>
                {t(`legal.operatorRegimes.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('legal.operatorHosts')}
          <input type="text" name="operator-hosts" value={hosts} onChange={(e) => setHosts(e.target.value)} />
        </label>
        <label>
          {t('legal.operatorIntake')}
          <input type="text" name="operator-intake" value={intakeUrl} onChange={(e) => setIntakeUrl(e.target.value)} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={designated} onChange={(e) => setDesignated(e.target.checked)} />
          {t('legal.operatorDesignated')}
        </label>
        <button type="button" disabled={!name.trim() || !operator.trim()} onClick={() => void add()}>
          {t('legal.addOperator')}
        </button>
      </div>
    </details>
  );
}
