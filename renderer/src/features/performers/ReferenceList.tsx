import { useTranslation } from 'react-i18next';
import type { Recording } from '../../api/client';
import { formatSeconds } from '../../lib/bands';
import { RecordingPlayer } from '../../components/RecordingPlayer';

/** Reference recordings with their quality report and a clear weak-reference warning. */
export function ReferenceList({ recordings, onRemove }: { recordings: Recording[]; onRemove: (r: Recording) => void }) {
  const { t } = useTranslation();
  return (
    <ul className="recording-list" data-testid="reference-list">
      {recordings.map((r) => (
        <li key={r.id} className={r.weakReasons ? 'recording weak' : 'recording'} data-recording-id={r.id}>
          <div className="recording-main">
            <strong>{r.originalName}</strong>
            <span className="muted small">
              {r.container}/{r.codec} · {r.sampleRate} Hz · {r.channels} ch · {formatSeconds(r.quality.durationSeconds)}
            </span>
            <span className="small">
              {t('detail.speech', { seconds: formatSeconds(r.quality.speechSeconds) })}
              {r.quality.snrDb !== null && ` · ${t('detail.snr', { db: r.quality.snrDb.toFixed(0) })}`}
              {` · ${t('detail.clipping', { pct: (100 * r.quality.clippingRatio).toFixed(2) })}`}
            </span>
            {r.weakReasons && (
              <span className="weak-note" role="note">
                ⚠ {t('detail.weak')}: {r.weakReasons.map((k) => t(`weak.${k}`, { defaultValue: k })).join(' / ')}
              </span>
            )}
            <code className="hash small" title={r.sha256}>
              SHA-256 {r.sha256.slice(0, 16)}…
            </code>
          </div>
          <div className="recording-actions">
            <RecordingPlayer recordingId={r.id} name={r.originalName} />
            <button type="button" className="danger" onClick={() => onRemove(r)} aria-label={`${t('detail.remove')}: ${r.originalName}`}>
              {t('detail.remove')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
