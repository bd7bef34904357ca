import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { call } from '../../api/client';
import type { CaseStatus, PackVerification } from '../../../../src/api/contract';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';
import { CaseLegalCard } from '../letters/CaseLegalCard';
import { LettersCard } from '../letters/LettersCard';
import { formatDateTime } from '../../lib/dates';
import { CaseScores } from './CaseScores';
import { PopulationPanel } from '../population/PopulationPanel';

/** One case: status and history, evidence packs (export, verify), the signing key. */
export function CaseDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const openCase = useAppStore((s) => s.openCase);
  const { value: c, error, reload } = useCall('cases.get', { id });
  const { value: key } = useCall('evidence.key', {});
  const { value: info } = useCall('app.info', {});
  const { value: pop } = useCall('population.get', c ? { modelId: c.modelId } : null);
  const { value: settings } = useCall('settings.get', {});
  const [next, setNext] = useState<CaseStatus | ''>('');
  const [note, setNote] = useState('');
  const [lang, setLang] = useState<'ja' | 'en'>(i18n.language === 'en' ? 'en' : 'ja');
  const [audience, setAudience] = useState<'recipient' | 'internal'>('recipient');
  const [withAudio, setWithAudio] = useState(false);
  const [withOthers, setWithOthers] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [checks, setChecks] = useState<Record<string, string>>({});
  /** Bumped when the case's facts or grounds are saved, so an open letter is recomposed. */
  const [legalVersion, setLegalVersion] = useState(0);

  async function changeStatus() {
    if (!next) return;
    const res = await call('cases.updateStatus', { id, status: next, note });
    if (!res.ok) notify('error', errorText(t, res.error));
    setNext('');
    setNote('');
    await reload();
  }
  async function exportPack() {
    setExporting(true);
    const internal = audience === 'internal';
    const res = await call('evidence.export', { caseId: id, lang, audience, includeReferenceAudio: internal && withAudio, includeOtherPerformers: internal && withOthers });
    setExporting(false);
    if (res.ok) notify('success', t('cases.exported', { file: res.value.fileName }));
    else notify('error', t('evidence.errors.' + res.error.code, { defaultValue: errorText(t, res.error) }));
    await reload();
  }
  async function verify(fileName: string) {
    const res = await call('evidence.verify', { fileName });
    if (!res.ok) return notify('error', errorText(t, res.error));
    setChecks((m) => ({ ...m, [fileName]: verdictText(res.value) }));
  }
  function verdictText(v: PackVerification): string {
    const problem = v.problem ? t('evidence.problems.' + v.problem.code, { file: v.problem.file ?? '', defaultValue: v.problem.reason }) : '';
    const head =
      v.verdict === 'verified'
        ? t('evidence.verdict.verified', { files: v.files, label: v.signer?.label === 'installation' ? t('evidence.settings.installation') : (v.signer?.label ?? '') })
        : v.verdict === 'unknown-key'
          ? t('evidence.verdict.unknown-key', { fp: v.signer?.fingerprint ?? '' })
          : t('evidence.verdict.failed', { reason: problem });
    const container = v.verdict === 'failed' ? '' : ` ${t('evidence.container.' + v.container)}`;
    return `${head}${container}${v.record.status === 'mismatch' ? ` ${t('evidence.recordMismatch')}` : ''}`;
  }

  if (error) return <p className="error-banner" role="alert">{errorText(t, error)}</p>;
  if (!c) return null;
  return (
    <section className="page" aria-labelledby="case-title">
      <button type="button" className="link back" onClick={() => openCase(null)}>
        ← {t('cases.back')}
      </button>
      <header className="page-header">
        <h1 id="case-title">{c.title}</h1>
        <span className={`tag status-${c.status}`}>{t(`cases.status.${c.status}`)}</span>
      </header>
      <div className="two-columns">
        <div>
          <div className="card">
            <dl className="facts">
              <dt>{t('cases.columns.performers')}</dt>
              <dd>{c.performers.map((p) => p.name).join('、')}</dd>
              <dt>{t('cases.columns.suspects')}</dt>
              <dd>{c.suspects.map((s) => s.label).join('、')}</dd>
              <dt>{t('cases.platform')}</dt>
              <dd>{c.platform ?? '—'}</dd>
              <dt>{t('cases.grounds')}</dt>
              <dd data-testid="case-grounds">
                {c.legal.grounds.length
                  ? c.legal.grounds.map((g) => (
                      <span key={g.id} className={g.status === 'confirmed' ? 'tag ok' : g.status === 'belief' ? 'tag warn' : 'tag bad'} title={t(`legal.status.${g.status}`)}>
                        {g.name[i18n.language === 'en' ? 'en' : 'ja']}
                      </span>
                    ))
                  : (c.legalGrounds ?? '—')}
              </dd>
            </dl>
            <CaseScores c={c} />
          </div>
          {pop && <PopulationPanel figures={pop.figures} bands={settings?.bands ?? []} propositions />}
          <div className="card">
            <h2>{t('cases.exports')}</h2>
            <div className="toolbar">
              <label>
                {t('cases.language')}
                <select value={lang} onChange={(e) => setLang(e.target.value as 'ja' | 'en')}>
                  <option value="ja">日本語</option>
                  <option value="en">English</option>
                </select>
              </label>
              <label>
                {t('evidence.audience')}
                <select value={audience} onChange={(e) => setAudience(e.target.value as 'recipient' | 'internal')}>
                  <option value="recipient">{t('evidence.recipient')}</option>
                  <option value="internal">{t('evidence.internal')}</option>
                </select>
              </label>
              {audience === 'internal' && (
                <>
                  <label className="inline">
                    <input type="checkbox" checked={withAudio} onChange={(e) => setWithAudio(e.target.checked)} />
                    {t('cases.includeReferenceAudio')}
                  </label>
                  <label className="inline">
                    <input type="checkbox" checked={withOthers} onChange={(e) => setWithOthers(e.target.checked)} />
                    {t('evidence.includeOthers')}
                  </label>
                </>
              )}
              <button type="button" className="primary" disabled={exporting} onClick={() => void exportPack()}>
                {exporting ? t('cases.exporting') : t('cases.export')}
              </button>
            </div>
            {info && <p className="small muted">{t('cases.savedIn', { dir: `${info.dataDir}/exports` })}</p>}
            <ul className="plain" data-testid="exports">
              {c.exports.map((x) => (
                <li key={x.id} className="model">
                  <div>
                    <strong>{x.fileName}</strong>
                    <div className="small muted">
                      {formatDateTime(x.createdAt, i18n.language)} · {(x.sizeBytes / 1024).toFixed(0)} KiB · {x.lang}{' '}
                      <span className="tag">{x.redacted ? t('evidence.redactedTag') : t('evidence.internalTag')}</span>
                      {x.timestamped && <span className="tag">{t('evidence.timestampedTag')}</span>}
                    </div>
                    <code className="hash small">SHA-256 {x.sha256}</code>
                    {checks[x.fileName] && <div className="small" role="status">{checks[x.fileName]}</div>}
                  </div>
                  <button type="button" onClick={() => void verify(x.fileName)}>
                    {t('cases.verify')}
                  </button>
                </li>
              ))}
            </ul>
            {key && (
              <p className="small">
                {t('cases.key')}: <code className="hash">{key.fingerprint}</code>
              </p>
            )}
          </div>
        </div>
        <div className="card">
          <h2>{t('cases.changeStatus')}</h2>
          <div className="toolbar">
            <label>
              {t('cases.columns.status')}
              <select value={next} onChange={(e) => setNext(e.target.value as CaseStatus | '')}>
                <option value="">—</option>
                {c.nextStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`cases.status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('cases.note')}
              <input type="text" value={note} onChange={(e) => setNote(e.target.value)} />
            </label>
            <button type="button" disabled={!next} onClick={() => void changeStatus()}>
              {t('cases.apply')}
            </button>
          </div>
          <h2>{t('cases.history')}</h2>
          <ol className="history">
            {c.history.map((h, i) => (
              <li key={i}>
                <span className="small muted">{formatDateTime(h.at, i18n.language)}</span> {h.from ? `${t(`cases.status.${h.from}`)} → ` : ''}
                {t(`cases.status.${h.to}`)} {h.note && `— ${h.note}`}
              </li>
            ))}
          </ol>
        </div>
      </div>
      <CaseLegalCard
        caseId={id}
        onSaved={() => {
          setLegalVersion((v) => v + 1);
          void reload();
        }}
      />
      <LettersCard caseId={id} legalVersion={legalVersion} />
    </section>
  );
}
