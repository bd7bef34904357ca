import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { SpectrogramCanvas } from '../../components/SpectrogramCanvas';
import { WaveformCanvas } from '../../components/WaveformCanvas';

interface Props {
  title: string;
  recordingId: string;
  showSpectrogram: boolean;
  colour: string;
  /** Drawn under the waveform on the same time axis (the similarity timeline). */
  children?: (durationSeconds: number) => ReactNode;
}

/** A recording's waveform, optional spectrogram and a player. */
export function AudioPanel({ title, recordingId, showSpectrogram, colour, children }: Props) {
  const { t } = useTranslation();
  const { value: wave } = useCall('audio.waveform', { recordingId, points: 800 });
  const { value: spec } = useCall('audio.spectrogram', showSpectrogram ? { recordingId } : null);
  const [url, setUrl] = useState<string | null>(null);
  const [position, setPosition] = useState<number | undefined>(undefined);

  useEffect(() => {
    let revoked = false;
    let made: string | null = null;
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

  return (
    <div className="audio-panel">
      <h3>{title}</h3>
      <WaveformCanvas peaks={wave?.peaks ?? []} colour={colour} label={title} position={position} />
      {wave && children?.(wave.durationSeconds)}
      {showSpectrogram && spec && <SpectrogramCanvas spec={spec} label={`${title} spectrogram`} />}
      {url && (
        <audio
          controls
          src={url}
          aria-label={`${t('compare.play')}: ${title}`}
          onTimeUpdate={(e) => {
            const a = e.currentTarget;
            setPosition(a.duration ? a.currentTime / a.duration : undefined);
          }}
        />
      )}
    </div>
  );
}
