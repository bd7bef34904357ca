import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';
import { ProgressBar } from '../../components/ProgressBar';
import { PopulationPanel } from '../population/PopulationPanel';
import { Heatmap } from './Heatmap';
import { ResultsTable } from './ResultsTable';
import { useJob } from './useJob';
import { errorText } from '../../lib/errors';

/** Every suspect against every performer: progress, cancel, resume, ranked table, heatmap, CSV. */
export function ScreeningPage() {
  const { t, i18n } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const openComparison = useAppStore((s) => s.openComparison);
  const { value: run, reload } = useCall('screening.latest', {});
  const { value: settings } = useCall('settings.get', {});
  const [view, setView] = useState<'table' | 'heatmap'>('table');
  const [band, setBand] = useState('');
  const [performer, setPerformer] = useState('');
  const [service, setService] = useState('');
  const { job, follow, show } = useJob((j) => {
    if (j.state === 'cancelled') notify('success', t('screening.cancelled'));
    if (j.state === 'failed' && j.error) notify('error', errorText(t, j.error));
    void reload();
  });
  const running = job?.state === 'running';
  const [nothing, setNothing] = useState<string | null>(null);
  const startButton = useRef<HTMLButtonElement>(null);

  // A screening keeps running while the user is on other pages; coming back picks it up again.
  useEffect(() => {
    void call('screening.current', {}).then((res) => {
      if (!res.ok || !res.value) return;
      if (res.value.state === 'running') follow(res.value);
      else show(res.value);
    });
  }, [follow, show]);

  async function start() {
    setNothing(null);
    const res = await call('screening.start', {});
    if (res.ok) follow(res.value);
    else if (res.error.code === 'NOTHING_TO_SCREEN') setNothing(errorText(t, res.error));
    else notify('error', errorText(t, res.error));
  }
  async function cancel() {
    if (job) await call('jobs.cancel', { id: job.id });
  }
  async function exportCsv() {
    if (!run) return;
    const res = await call('screening.csv', { runId: run.id, lang: i18n.language === 'en' ? 'en' : 'ja' });
    if (!res.ok) return notify('error', errorText(t, res.error));
    const url = URL.createObjectURL(new Blob([res.value], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `seimon-screening-${run.id}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const services = useMemo(() => [...new Set(run?.suspects.map((s) => s.service ?? s.platform).filter((s): s is string => !!s) ?? [])], [run]);
  const matches = useMemo(() => {
    if (!run) return [];
    const svc = new Map(run.suspects.map((s) => [s.id, s.service ?? s.platform]));
    return run.matches.filter((m) => (!band || m.band === band) && (!performer || m.performerId === performer) && (!service || svc.get(m.suspectId) === service));
  }, [run, band, performer, service]);
  const bands = settings?.bands ?? [];
  const itemName = (id: string) =>
    run?.performers.find((p) => p.id === id)?.name ?? run?.suspects.find((s) => s.id === id)?.label ?? t('screening2.item');

  return (
    <section className="page" aria-labelledby="screening-title">
      <header className="page-header">
        <h1 id="screening-title">{t('screening.title')}</h1>
        {run && <span className="muted small">{t('screening.model')}: {run.model.id} · SHA-256 {run.model.sha256.slice(0, 12)}…</span>}
        <div className="header-actions">
          {running ? (
            <button type="button" onClick={() => void cancel()}>
              {t('screening.cancel')}
            </button>
          ) : (
            <button type="button" className="primary" ref={startButton} onClick={() => void start()} aria-describedby={nothing ? 'nothing-to-screen' : undefined}>
              {job?.state === 'cancelled' ? t('screening.resume') : t('screening.start')}
            </button>
          )}
        </div>
      </header>
      {nothing && (
        <p className="error-banner" role="alert" id="nothing-to-screen" data-testid="nothing-to-screen">
          {nothing}
        </p>
      )}
      <div className="progress-slot">
        {job && (running || job.state === 'done') && <ProgressBar done={job.done} total={job.total} etaSeconds={job.etaSeconds} finished={job.state === 'done'} />}
      </div>
      {job && job.problems.length > 0 && (
        <details className="problems">
          <summary>{t('screening.problems', { count: job.problems.length })}</summary>
          <ul>
            {job.problems.map((p, i) => (
              <li key={i}>
                {itemName(p.item)}: {errorText(t, p)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {!run && !running && (
        <div className="empty-state" data-testid="screening-empty">
          <h2>{t('screening.emptyTitle')}</h2>
          <p>{t('screening.emptyBody')}</p>
        </div>
      )}
      {run && (
        <>
          {!run.model.calibrated && <p className="info-banner">{t('screening.uncalibrated')}</p>}
          {run.model.calibrated && run.population && <PopulationPanel figures={run.population} bands={bands} current="very-high" />}
          <div className="toolbar">
            <div role="group" aria-label={t('screening.ranked')} className="segmented">
              <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
                {t('screening.ranked')}
              </button>
              <button type="button" aria-pressed={view === 'heatmap'} onClick={() => setView('heatmap')}>
                {t('screening.heatmap')}
              </button>
            </div>
            <label>
              {t('screening.filterBand')}
              <select value={band} onChange={(e) => setBand(e.target.value)}>
                <option value="">{t('screening.all')}</option>
                {bands.map((b) => (
                  <option key={b.key} value={b.key}>
                    {i18n.language === 'en' ? b.labelEn : b.labelJa}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('screening.filterPerformer')}
              <select value={performer} onChange={(e) => setPerformer(e.target.value)}>
                <option value="">{t('screening.all')}</option>
                {run.performers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('screening.filterService')}
              <select value={service} onChange={(e) => setService(e.target.value)}>
                <option value="">{t('screening.all')}</option>
                {services.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => void exportCsv()}>
              {t('screening.csv')}
            </button>
          </div>
          {view === 'table' ? (
            <ResultsTable run={run} matches={matches} bands={bands} onCompare={openComparison} />
          ) : (
            <Heatmap run={run} onPick={openComparison} />
          )}
          {run.skipped.length > 0 && <p className="muted small">{t('screening.skipped', { items: run.skipped.map((s) => `${itemName(s.id)}（${t(`screening2.skip.${s.reason}`, { defaultValue: errorText(t, { code: s.reason, message: '' }) })}）`).join('; ') })}</p>}
        </>
      )}
    </section>
  );
}
