import { useTranslation } from 'react-i18next';
import { tickLabel, timeTicks } from '../lib/ticks';

/** Seconds along the bottom of a waveform, spectrogram or timeline; 0 at the left edge, the clip's end at the right. */
export function TimeAxis({ durationSeconds }: { durationSeconds: number }) {
  const { t } = useTranslation();
  const ticks = timeTicks(durationSeconds);
  return (
    <div className="time-axis" aria-hidden="true" data-testid="time-axis" data-duration={durationSeconds}>
      {ticks.map((v) => (
        <span key={v} className="tick" style={{ left: `${(100 * v) / durationSeconds}%` }} data-seconds={v}>
          {tickLabel(v)}
        </span>
      ))}
      <span className="axis-unit">{t('axes.seconds')}</span>
    </div>
  );
}
