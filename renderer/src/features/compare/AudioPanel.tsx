import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { SpectrogramCanvas } from '../../components/SpectrogramCanvas';
import { TimeAxis } from '../../components/TimeAxis';
import { WaveformCanvas } from '../../components/WaveformCanvas';

interface Props {
  title: string;
  recordingId: string;
  showSpectrogram: boolean;
  colour: string;
  /** Drawn under the waveform on the same time axis (the similarity timeline), given the playhead in seconds. */
  children?: (durationSeconds: number, playheadSeconds: number | undefined) => ReactNode;
}

/**
 * A recording's waveform with its spectrogram directly beneath, any timeline under them, one shared time
 * axis, and a player whose position is drawn as a playhead on all of them; clicking a picture seeks there.
 */
export function AudioPanel({ title, recordingId, showSpectrogram, colour, children }: Props) {
  const { t } = useTranslation();
  const { value: wave } = useCall('audio.waveform', { recordingId, points: 800 });
  const { value: spec } = useCall('audio.spectrogram', showSpectrogram ? { recordingId } : null);
  const [url, setUrl] = useState<string | null>(null);
  const [seconds, setSeconds] = useState<number | undefined>(undefined);
  const audio = useRef<HTMLAudioElement>(null);

  useEffect(() => {
    let revoked = false;
    let made: string | null = null;
    setSeconds(undefined);
    void call('audio.wav', { recordingId }).then((res) => {
      if (!res.ok || revoked) return;
      made = URL.createObjectURL(new Blob([res.value as Uint8Array<ArrayBuffer>], { type: 'audio/wav' }));
      setUrl(made);
    });
    return () => {
      revoked = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [recordingId]);

  const duration = wave?.durationSeconds ?? 0;
  const seek = (e: React.MouseEvent<HTMLElement>) => {
    const a = audio.current;
    if (!a || duration <= 0) return;
    const box = e.currentTarget.getBoundingClientRect();
    a.currentTime = Math.max(0, Math.min(duration, ((e.clientX - box.left) / box.width) * duration));
    setSeconds(a.currentTime);
  };
  const position = seconds !== undefined && duration > 0 ? seconds / duration : undefined;

  return (
    <div className="audio-panel" data-recording-id={recordingId}>
      <h3>{title}</h3>
      <div className="seekable" onClick={seek} data-testid="seek-area">
        <div className="wave-box">
          <WaveformCanvas peaks={wave?.peaks ?? []} colour={colour} label={`${t('compare2.waveform')}: ${title}`} position={position} />
          {/* Amplitude relative to full scale: +1 and −1 are the loudest a recording can hold. */}
          <span className="amp top" aria-hidden="true">+1</span>
          <span className="amp mid" aria-hidden="true">0</span>
          <span className="amp bottom" aria-hidden="true">−1</span>
        </div>
        {showSpectrogram && spec && (
          <div className="spectrogram-box">
            <SpectrogramCanvas spec={spec} label={`${t('compare2.spectrogram')}: ${title}`} />
            <span className="freq top" aria-hidden="true">8 kHz</span>
            <span className="freq bottom" aria-hidden="true">0 Hz</span>
            {position !== undefined && <span className="playhead" style={{ left: `${100 * position}%` }} />}
          </div>
        )}
      </div>
      {wave && children?.(wave.durationSeconds, seconds)}
      {wave && <TimeAxis durationSeconds={wave.durationSeconds} />}
      {url && (
        <audio
          ref={audio}
          controls
          src={url}
          aria-label={`${t('compare.play')}: ${title}`}
          data-testid="player"
          onTimeUpdate={(e) => setSeconds(e.currentTarget.currentTime)}
          onSeeked={(e) => setSeconds(e.currentTarget.currentTime)}
        />
      )}
    </div>
  );
}
