import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';

/** A play button that fetches a stored recording's audio on first use, then shows the player. */
export function RecordingPlayer({ recordingId, name }: { recordingId: string; name: string }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const made = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (made.current) URL.revokeObjectURL(made.current);
    },
    [],
  );
  async function load() {
    const res = await call('audio.wav', { recordingId });
    if (!res.ok) return;
    made.current = URL.createObjectURL(new Blob([res.value as Uint8Array<ArrayBuffer>], { type: 'audio/wav' }));
    setUrl(made.current);
  }
  if (url) return <audio controls autoPlay src={url} aria-label={`${t('performers2.play')}: ${name}`} className="inline-player" data-testid="reference-player" />;
  return (
    <button type="button" onClick={() => void load()} aria-label={`${t('performers2.play')}: ${name}`}>
      ▶ {t('performers2.play')}
    </button>
  );
}
