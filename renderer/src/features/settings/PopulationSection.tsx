import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { call } from '../../api/client';
import type { PopulationCalibration } from '../../../../src/api/contract';
import { POPULATION_MIN_MULTI_REFERENCE, POPULATION_MIN_PERFORMERS } from '../../../../src/api/contract';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';
import { Modal } from '../../components/Modal';
import { ProgressBar } from '../../components/ProgressBar';
import { useJob } from '../screening/useJob';
import { PopulationPanel } from '../population/PopulationPanel';

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(2)} %`);

/** The population check of the default model: run it (a job), read it, and recalibrate on it with consent. */
export function PopulationSection() {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const { value: pop, reload } = useCall('population.get', {});
  const { value: settings } = useCall('settings.get', {});
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<PopulationCalibration | null>(null);
  const { job, follow } = useJob((j) => {
    if (j.state === 'done') notify('success', t('population.done'));
    if (j.state === 'failed' && j.error) notify('error', errorText(t, j.error));
    void reload();
  });
  const running = job?.state === 'running';
  async function runCheck() {
    const res = await call('population.check', {});
    if (res.ok) follow(res.value);
    else notify('error', errorText(t, res.error));
  }
  async function recalibrate() {
    setAsking(false);
    const res = await call('population.calibrate', { consent: true });
    if (!res.ok) {
      if (res.error.code === 'SCORING_POPULATION_TOO_SMALL') return notify('error', t('population.tooSmall', { min: POPULATION_MIN_PERFORMERS, minMulti: POPULATION_MIN_MULTI_REFERENCE }));
      return notify('error', errorText(t, res.error));
    }
    setResult(res.value);
    notify('success', t('population.recalibrated'));
    void reload();
  }
  const bands = settings?.bands ?? [];
  const c = pop?.check ?? null;
  return (
    <div data-testid="population-settings">
      <p className="small muted">{t('population.minimum', { min: POPULATION_MIN_PERFORMERS, minMulti: POPULATION_MIN_MULTI_REFERENCE })}</p>
      {pop && !pop.upToDate && c && <p className="info-banner">{t('population.stale')}</p>}
      {pop && <PopulationPanel figures={pop.figures.computedAt ? pop.figures : { ...pop.figures, ...(c ? { performers: c.performers, nonTargetTrials: c.nonTargetTrials, targetTrials: c.targetTrials, bands: c.bands, withheld: c.withheld } : {}) }} bands={bands} />}
      {c && c.eer !== null && <p className="small muted">{t('population.eer', { eer: pct(c.eer), cllr: c.cllr === null ? '—' : `${c.cllr.toFixed(3)} bits` })}</p>}
      <div className="toolbar">
        <button type="button" disabled={running} onClick={() => void runCheck()}>
          {running ? t('population.running') : t('population.run')}
        </button>
        <button type="button" disabled={running} onClick={() => setAsking(true)}>
          {t('population.recalibrate')}
        </button>
      </div>
      <div className="progress-slot">{job && running && <ProgressBar done={job.done} total={job.total} etaSeconds={job.etaSeconds} />}</div>
      {asking && (
        <Modal title={t('population.recalibrate')} labelId="recalibrate-title" onClose={() => setAsking(false)}>
          <p>{t('population.recalibrateConsent')}</p>
          <div className="toolbar">
            <button type="button" onClick={() => setAsking(false)}>
              {t('screening.cancel')}
            </button>
            <button type="button" className="primary" onClick={() => void recalibrate()}>
              {t('population.recalibrateConfirm')}
            </button>
          </div>
        </Modal>
      )}
      {result && (
        <table className="data-table compact" data-testid="recalibration">
          <thead>
            <tr>
              <th scope="col">{t('population.band')}</th>
              <th scope="col" className="num">{t('population.before')}</th>
              <th scope="col" className="num">{t('population.after')}</th>
            </tr>
          </thead>
          <tbody>
            {result.before.bands.filter((b) => b.minPercent > 0).map((b) => (
              <tr key={b.key}>
                <td>≥ {b.minPercent} %</td>
                <td className="num">{pct(b.falseMatchRate)} / {pct(b.missRate)}</td>
                <td className="num">
                  {pct(result.after.bands.find((x) => x.key === b.key)?.falseMatchRate ?? null)} / {pct(result.after.bands.find((x) => x.key === b.key)?.missRate ?? null)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
