// The outcome a report states for one comparison: the band, or "inconclusive" when the material is
// too poor to support an evaluation (short speech, music or noise, band-limited audio).
import type { Recording } from '../../domain/index.js';

/** Less net speech than this in the suspect clips makes the outcome inconclusive. */
export const MIN_SUSPECT_SPEECH_SECONDS = 5;
/** Audio sampled below this carries only telephone-band speech. */
export const FULL_BAND_HZ = 16_000;

export type InconclusiveReason = 'short-speech' | 'music-or-noise' | 'band-limited';

/** Why the outcome is inconclusive (empty: the score may be read). */
export function inconclusiveReasons(clips: readonly Recording[], references: readonly Recording[]): InconclusiveReason[] {
  const out = new Set<InconclusiveReason>();
  const speech = clips.reduce((s, c) => s + c.quality.speechSeconds, 0);
  if (speech < MIN_SUSPECT_SPEECH_SECONDS) out.add('short-speech');
  for (const r of [...clips, ...references]) {
    if (r.quality.musicOrNoiseSuspected) out.add('music-or-noise');
    if (r.sampleRate < FULL_BAND_HZ || r.weakReasons?.includes('telephone-band')) out.add('band-limited');
    if (r.weakReasons?.includes('no-speech')) out.add('short-speech');
  }
  return [...out];
}
