import type { SpeechSegment } from '../../domain/audio.js';

/** A stretch of speech in seconds from the start of the file. */
export type { SpeechSegment };

/** How frame-level speech probabilities become segments (defaults follow Silero's own tool). */
export interface SegmentRules {
  /** Probability at or above which a frame starts speech. */
  onThreshold: number;
  /** Probability below which speech may end (hysteresis keeps words from being chopped). */
  offThreshold: number;
  /** Silence must last this long before a segment closes (seconds). */
  minSilence: number;
  /** Segments shorter than this are dropped as clicks and breaths (seconds). */
  minSpeech: number;
  /** Padding added on each side, since onsets and releases are quiet (seconds). */
  pad: number;
}

export const DEFAULT_SEGMENT_RULES: SegmentRules = {
  onThreshold: 0.5,
  offThreshold: 0.35,
  minSilence: 0.1,
  minSpeech: 0.25,
  pad: 0.03,
};

/**
 * Segments the embedding model is given (issue 19): wide padding and pauses under a second kept, so short
 * words keep their onsets and the gaps between them, while long silences and music are still dropped.
 * Measured on held-out speakers (3 s pieces of one-second words): EER 8.1 % with the tight rules above,
 * 2.6 % with these. Speech is still counted with the tight rules.
 */
export const EMBEDDING_SEGMENT_RULES: SegmentRules = {
  ...DEFAULT_SEGMENT_RULES,
  minSilence: 1.0,
  pad: 0.25,
};

/** Turns one probability per hop into padded, merged speech segments. */
export function probabilitiesToSegments(
  probs: ArrayLike<number>,
  hopSeconds: number,
  durationSeconds: number,
  rules: SegmentRules = DEFAULT_SEGMENT_RULES,
): SpeechSegment[] {
  const raw: SpeechSegment[] = [];
  let start = -1;
  let silenceSince = -1;
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i]!;
    const t = i * hopSeconds;
    if (start < 0) {
      if (p >= rules.onThreshold) {
        start = t;
        silenceSince = -1;
      }
      continue;
    }
    if (p >= rules.offThreshold) {
      silenceSince = -1;
    } else {
      if (silenceSince < 0) silenceSince = t;
      if (t + hopSeconds - silenceSince >= rules.minSilence) {
        raw.push({ start, end: silenceSince });
        start = -1;
      }
    }
  }
  if (start >= 0)
    raw.push({ start, end: silenceSince >= 0 ? silenceSince : probs.length * hopSeconds });
  const kept = raw.filter((s) => s.end - s.start >= rules.minSpeech);
  const out: SpeechSegment[] = [];
  for (const s of kept) {
    const padded = {
      start: Math.max(0, s.start - rules.pad),
      end: Math.min(durationSeconds, s.end + rules.pad),
    };
    const last = out[out.length - 1];
    if (last && padded.start <= last.end) last.end = Math.max(last.end, padded.end);
    else out.push(padded);
  }
  return out;
}

/** Total seconds covered by segments. */
export function speechSeconds(segments: readonly SpeechSegment[]): number {
  return segments.reduce((s, x) => s + (x.end - x.start), 0);
}
