// What a stored recording's quality report says, and when a reference is too weak to lean on.
import type { QualityReport } from '../audio/probe.js';
import type { RecordingQuality } from '../domain/index.js';

/** Stable keys of the reasons a reference is weak (the UI translates them). */
export const WEAK_REASONS = ['no-speech', 'little-speech', 'noisy', 'clipping', 'music-or-noise', 'telephone-band'] as const;
export type WeakReason = (typeof WEAK_REASONS)[number];

/** Less speech than this makes a reference weak (a voiceprint wants tens of seconds). */
export const MIN_REFERENCE_SPEECH_SECONDS = 10;
export const MIN_REFERENCE_SNR_DB = 15;
export const MAX_REFERENCE_CLIPPING = 0.01;
export const MIN_FULL_BAND_RATE = 16000;

/** The part of a probe report kept with a recording. */
export function toRecordingQuality(r: QualityReport): RecordingQuality {
  const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    durationSeconds: round(r.durationSeconds, 3),
    speechSeconds: round(r.speechSeconds, 3),
    snrDb: r.snrDb === null ? null : round(r.snrDb, 1),
    clippingRatio: r.clippingRatio,
    loudnessLufs: r.loudnessLufs === null ? null : round(r.loudnessLufs, 1),
    musicOrNoiseSuspected: r.musicOrNoiseSuspected,
    warnings: r.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}

/** Why a reference is weak evidence of the performer's voice; null when it is fine. */
export function weakReasonsOf(q: RecordingQuality, sampleRate: number): WeakReason[] | null {
  const out: WeakReason[] = [];
  if (q.speechSeconds === 0) out.push('no-speech');
  else if (q.speechSeconds < MIN_REFERENCE_SPEECH_SECONDS) out.push('little-speech');
  if (q.snrDb !== null && q.snrDb < MIN_REFERENCE_SNR_DB) out.push('noisy');
  if (q.clippingRatio > MAX_REFERENCE_CLIPPING) out.push('clipping');
  if (q.musicOrNoiseSuspected) out.push('music-or-noise');
  if (sampleRate < MIN_FULL_BAND_RATE) out.push('telephone-band');
  return out.length ? out : null;
}
