import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';
import { BandBadge } from '../../components/BandBadge';
import { TimelineChart } from '../../components/TimelineChart';
import { formatPercent } from '../../lib/bands';
import { PopulationPanel } from '../population/PopulationPanel';
import { AudioPanel } from './AudioPanel';
import { PairMatrix } from './PairMatrix';
import { DistributionCard } from './DistributionCard';

/** Bands strong enough that opening a case is the expected next step (the button is emphasised). */
const STRONG_BANDS = new Set(['very-high', 'high']);

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
  const [choice, setChoice] = useState<{ pairKey: string; clip: string | null; reference: string | null }>({ pairKey: '', clip: null, reference: null });
  const pairKey = pair ? `${pair.performerId}|${pair.suspectId}` : '';
  // A choice of clip and reference belongs to the pair it was made for.
  const chosen = choice.pairKey === pairKey ? choice : { clip: null, reference: null };
  const { value: cmp, error } = useCall(
    'compare.get',
    pair ? { ...pair, lang, suspectRecordingId: chosen.clip, referenceRecordingId: chosen.reference } : null,
  );
  const choose = (clip: string | null, reference: string | null) => setChoice({ pairKey, clip, reference });
  const [spectrogram, setSpectrogram] = useState(false);
  const [performerId, setPerformerId] = useState(pair?.performerId ?? '');
  const [suspectId, setSuspectId] = useState(pair?.suspectId ?? '');
  const bandLabel = (key: string) => {
    const b = settings?.bands.find((x) => x.key === key);
    return b ? (lang === 'en' ? b.labelEn : b.labelJa) : key === 'uncalibrated' ? t('settings.uncalibrated') : key === 'withheld' ? t('population.withheldBand') : key;
  };

  const clipName = cmp?.clips.find((c) => c.id === cmp.suspectRecordingId)?.name ?? '';
  const referenceName = cmp?.references.find((r) => r.id === cmp.referenceRecordingId)?.name ?? '';

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
          <select value={performerId} aria-label={t('compare.performer')} onChange={(e) => setPerformerId(e.target.value)}>
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
          <select value={suspectId} aria-label={t('compare.suspect')} onChange={(e) => setSuspectId(e.target.value)}>
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
      {error && <p className="error-banner" role="alert">{errorText(t, error)}</p>}
      {cmp && (
        <div className="compare" data-testid="comparison">
          <div className="score-card card">
            <div className="score-main">
              <span className="score-percent" data-testid="score">{cmp.overall.percent !== null ? formatPercent(cmp.overall.percent) : cmp.overall.normalized !== null && cmp.overall.band === 'withheld' ? `${t('population.normalized')} ${cmp.overall.normalized.toFixed(2)}` : `cos ${cmp.overall.rawCosine.toFixed(3)}`}</span>
              <BandBadge band={cmp.overall.band} label={bandLabel(cmp.overall.band)} />
            </div>
            <p className="meaning">{cmp.meaning}</p>
            <div className="case-action">
              <button
                type="button"
                className={STRONG_BANDS.has(cmp.overall.band) ? 'primary' : undefined}
                data-testid="open-case"
                onClick={() =>
                  void call('cases.create', {
                    title: `${cmp.performer.name} × ${cmp.suspect.label}`,
                    performerIds: [cmp.performer.id],
                    suspectIds: [cmp.suspect.id],
                  }).then((res) => {
                    if (!res.ok) return notify('error', errorText(t, res.error));
                    notify('success', t('cases.opened'));
                    openCase(res.value.id);
                  })
                }
              >
                {t('cases.open')}
              </button>
              {!STRONG_BANDS.has(cmp.overall.band) && (
                <span className="small muted"> {t(cmp.overall.band === 'withheld' ? 'compare2.withheldCase' : 'compare2.weakScore')}</span>
              )}
            </div>
            <p className="small muted">
              {t('compare.cosine', { value: cmp.overall.rawCosine.toFixed(3) })}
              {cmp.overall.llr !== null && ` · ${t('compare.llr', { value: cmp.overall.llr.toFixed(2) })}`} · {t('compare.model', { id: cmp.model.id, sha: cmp.model.sha256.slice(0, 12) })}
            </p>
            {cmp.model.calibrated && <PopulationPanel figures={cmp.population} bands={settings?.bands ?? []} current={cmp.overall.band} propositions />}
            {cmp.errorRates && (
              <div className="error-rates" data-testid="error-rates">
                <table className="data-table compact">
                  <caption className="small muted">{t('compare.errorRates', { basis: lang === 'en' ? (cmp.errorRatesBasis ?? '') : t('compare2.basisJa') })}</caption>
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
          <DistributionCard cmp={cmp} />
          <PairMatrix cmp={cmp} onPick={(clip, reference) => choose(clip, reference)} />
          <div className="choice-row">
            <label>
              {t('compare2.clip')}
              <select value={cmp.suspectRecordingId} onChange={(e) => choose(e.target.value, cmp.referenceRecordingId)} data-testid="choose-clip">
                {cmp.clips.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('compare2.reference')}
              <select value={cmp.referenceRecordingId} onChange={(e) => choose(cmp.suspectRecordingId, e.target.value)} data-testid="choose-reference">
                {cmp.references.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
            <span className="small muted">{t('compare2.syncHint')}</span>
          </div>
          <div className="two-columns">
            <div className="card">
              <AudioPanel title={`${t('compare.suspectClip')}: ${cmp.suspect.label} — ${clipName}`} recordingId={cmp.suspectRecordingId} showSpectrogram={spectrogram} colour="#8c2f39">
                {(duration, playhead) => (
                  <>
                    <h4 className="small">{t('compare.timeline')}</h4>
                    <TimelineChart
                      points={cmp.timeline}
                      durationSeconds={duration}
                      metric={cmp.regionScore}
                      threshold={cmp.regionThreshold}
                      regions={cmp.regions}
                      playhead={playhead}
                      label={t('compare.timeline')}
                    />
                    {cmp.timeline.length < 3 && (
                      <p className="small short-note" role="note" data-testid="short-clip">
                        {t('compare2.shortClip', {
                          seconds: (cmp.clips.find((c) => c.id === cmp.suspectRecordingId)?.speechSeconds ?? 0).toFixed(1),
                          count: cmp.timeline.length,
                          window: cmp.windowSeconds,
                          hop: cmp.hopSeconds,
                        })}
                      </p>
                    )}
                    <p className="small muted">
                      {t('compare.regions')}:{' '}
                      {cmp.regions.length === 0 ? t('compare.noRegions') : cmp.regions.map((r) => `${r.start.toFixed(1)}–${r.end.toFixed(1)} s`).join(', ')}
                    </p>
                  </>
                )}
              </AudioPanel>
            </div>
            <div className="card">
              <AudioPanel title={`${t('compare.reference')}: ${cmp.performer.name} — ${referenceName}`} recordingId={cmp.referenceRecordingId} showSpectrogram={spectrogram} colour="#394257" />
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
