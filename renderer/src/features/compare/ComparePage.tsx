import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';
import { BandBadge } from '../../components/BandBadge';
import { TimelineChart } from '../../components/TimelineChart';
import { formatPercent } from '../../lib/bands';
import { PopulationPanel } from '../population/PopulationPanel';
import { AudioPanel } from './AudioPanel';

/** One performer and one suspect side by side: where in the clip the voice matches, and how much. */
export function ComparePage() {
  const { t, i18n } = useTranslation();
  const pair = useAppStore((s) => s.comparePair);
  const openComparison = useAppStore((s) => s.openComparison);
  const openCase = useAppStore((s) => s.openCase);
  const notify = useAppStore((s) => s.notify);
  const { value: performers } = useCall('performers.list', {});
  const { value: suspects } = useCall('suspects.list', {});
  const { value: settings } = useCall('settings.get', {});
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const { value: cmp, error } = useCall('compare.get', pair ? { ...pair, lang } : null);
  const [spectrogram, setSpectrogram] = useState(false);
  const [performerId, setPerformerId] = useState(pair?.performerId ?? '');
  const [suspectId, setSuspectId] = useState(pair?.suspectId ?? '');
  const bandLabel = (key: string) => {
    const b = settings?.bands.find((x) => x.key === key);
    return b ? (lang === 'en' ? b.labelEn : b.labelJa) : key === 'uncalibrated' ? t('settings.uncalibrated') : key === 'withheld' ? t('population.withheldBand') : key;
  };

  return (
    <section className="page" aria-labelledby="compare-title">
      <header className="page-header">
        <h1 id="compare-title">{t('compare.title')}</h1>
      </header>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (performerId && suspectId) openComparison(performerId, suspectId);
        }}
      >
        <label>
          {t('compare.performer')}
          <select value={performerId} onChange={(e) => setPerformerId(e.target.value)}>
            <option value="">—</option>
            {performers?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('compare.suspect')}
          <select value={suspectId} onChange={(e) => setSuspectId(e.target.value)}>
            <option value="">—</option>
            {suspects?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={!performerId || !suspectId}>
          {t('compare.show')}
        </button>
        <label className="inline">
          <input type="checkbox" checked={spectrogram} onChange={(e) => setSpectrogram(e.target.checked)} />
          {t('compare.spectrogram')}
        </label>
      </form>

      {!pair && <div className="empty-state"><p>{t('compare.choose')}</p></div>}
      {error && <p className="error-banner" role="alert">{error.code === 'NOT_FOUND' ? t('compare.needVoiceprint') : t('errors.generic', error)}</p>}
      {cmp && (
        <div className="compare" data-testid="comparison">
          <div className="score-card card">
            <div className="score-main">
              <span className="score-percent" data-testid="score">{cmp.overall.percent !== null ? formatPercent(cmp.overall.percent) : cmp.overall.normalized !== null && cmp.overall.band === 'withheld' ? `${t('population.normalized')} ${cmp.overall.normalized.toFixed(2)}` : `cos ${cmp.overall.rawCosine.toFixed(3)}`}</span>
              <BandBadge band={cmp.overall.band} label={bandLabel(cmp.overall.band)} />
            </div>
            <p className="meaning">{cmp.meaning}</p>
            <div>
              <button
                type="button"
                className="primary"
                onClick={() =>
                  void call('cases.create', {
                    title: `${cmp.performer.name} × ${cmp.suspect.label}`,
                    performerIds: [cmp.performer.id],
                    suspectIds: [cmp.suspect.id],
                  }).then((res) => {
                    if (!res.ok) return notify('error', t('errors.generic', res.error));
                    notify('success', t('cases.opened'));
                    openCase(res.value.id);
                  })
                }
              >
                {t('cases.open')}
              </button>
            </div>
            <p className="small muted">
              {t('compare.cosine', { value: cmp.overall.rawCosine.toFixed(3) })}
              {cmp.overall.llr !== null && ` · ${t('compare.llr', { value: cmp.overall.llr.toFixed(2) })}`} · {t('compare.model', { id: cmp.model.id, sha: cmp.model.sha256.slice(0, 12) })}
            </p>
            {cmp.model.calibrated && <PopulationPanel figures={cmp.population} bands={settings?.bands ?? []} current={cmp.overall.band} propositions />}
            {cmp.errorRates && (
              <div className="error-rates" data-testid="error-rates">
                <table className="data-table compact">
                  <caption className="small muted">{t('compare.errorRates', { basis: cmp.errorRatesBasis ?? '' })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('screening.columns.band')}</th>
                      <th scope="col" className="num">{t('compare.falseMatch')}</th>
                      <th scope="col" className="num">{t('compare.miss')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {cmp.errorRates.filter((r) => r.minPercent > 0).map((r) => (
                      <tr key={r.key} className={r.key === cmp.overall.band ? 'current' : ''}>
                        <td>
                          {bandLabel(r.key)} (≥ {r.minPercent} %)
                        </td>
                        <td className="num">{(100 * r.falseMatchRate).toFixed(2)} %</td>
                        <td className="num">{(100 * r.missRate).toFixed(1)} %</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <details>
              <summary>{t('compare.definition')}</summary>
              <p className="small">{cmp.definition}</p>
            </details>
            {cmp.caveats.length > 0 && (
              <div className="caveats">
                <h3>{t('compare.caveats')}</h3>
                <ul>
                  {cmp.caveats.map((c, i) => (
                    <li key={i}>{c}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          <div className="two-columns">
            <div className="card">
              <AudioPanel title={`${t('compare.suspectClip')}: ${cmp.suspect.label}`} recordingId={cmp.suspectRecordingId} showSpectrogram={spectrogram} colour="#8c2f39">
                {(duration) => (
                  <>
                    <h4 className="small">{t('compare.timeline')}</h4>
                    <TimelineChart
                      points={cmp.timeline}
                      durationSeconds={duration}
                      metric={cmp.regionScore}
                      threshold={cmp.regionThreshold}
                      label={t('compare.timeline')}
                    />
                    <p className="small muted">
                      {t('compare.regions')}:{' '}
                      {cmp.regions.length === 0 ? t('compare.noRegions') : cmp.regions.map((r) => `${r.start.toFixed(1)}–${r.end.toFixed(1)} s`).join(', ')}
                    </p>
                  </>
                )}
              </AudioPanel>
            </div>
            <div className="card">
              <AudioPanel title={`${t('compare.reference')}: ${cmp.performer.name}`} recordingId={cmp.referenceRecordingId} showSpectrogram={spectrogram} colour="#394257" />
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
