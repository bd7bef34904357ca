import { WHOLE_SPEECH_WINDOW_SECONDS } from '../domain/short-speech.js';

/** A stretch of audio in seconds. */
export interface TimeSpan {
  start: number;
  end: number;
}

/** One analysis window: where it lies in the speech-only signal (samples) and in the original clip (seconds). */
export interface AnalysisWindow {
  /** First sample in the concatenated speech signal. */
  offset: number;
  /** Length in samples. */
  length: number;
  /** Start and end in the original recording, in seconds (the window may span a pause VAD removed). */
  start: number;
  end: number;
}

export interface WindowPlan {
  /** Speech-only samples: the VAD segments joined end to end. */
  speech: Float32Array;
  windows: AnalysisWindow[];
}

export interface WindowOptions {
  sampleRate: number;
  windowSeconds: number;
  hopSeconds: number;
  /** Shorter speech than this gives no window at all (the caller reports "no speech"). */
  minSeconds: number;
  /** Window starts are rounded to this many samples (the fbank frame shift) so frames line up. */
  alignSamples: number;
  /** Speech up to this many seconds becomes one window of all of it (short clips score better whole). */
  wholeBelowSeconds: number;
}

export const DEFAULT_WINDOW_OPTIONS: WindowOptions = {
  sampleRate: 16000,
  windowSeconds: 3,
  hopSeconds: 1.5,
  minSeconds: 0.5,
  alignSamples: 160,
  wholeBelowSeconds: WHOLE_SPEECH_WINDOW_SECONDS,
};

/**
 * Joins the speech segments and lays fixed-length windows over them with the given hop. The tail is
 * covered by one last window ending at the end of speech; speech up to `wholeBelowSeconds` (or one
 * window) becomes a single window of all of it; less than `minSeconds` gives none.
 */
export function planWindows(samples: Float32Array, segments: readonly TimeSpan[], opts: WindowOptions): WindowPlan {
  const sr = opts.sampleRate;
  const pieces: { from: number; to: number }[] = [];
  for (const s of segments) {
    const from = Math.max(0, Math.floor(s.start * sr));
    const to = Math.min(samples.length, Math.ceil(s.end * sr));
    if (to > from) pieces.push({ from, to });
  }
  const total = pieces.reduce((n, p) => n + p.to - p.from, 0);
  const speech = new Float32Array(total);
  const origins: { at: number; from: number }[] = []; // speech offset -> original sample
  let at = 0;
  for (const p of pieces) {
    speech.set(samples.subarray(p.from, p.to), at);
    origins.push({ at, from: p.from });
    at += p.to - p.from;
  }
  const toOriginal = (offset: number): number => {
    let lo = 0;
    for (let i = 0; i < origins.length; i++) if ((origins[i]?.at ?? 0) <= offset) lo = i;
    const o = origins[lo] ?? { at: 0, from: 0 };
    return (o.from + offset - o.at) / sr;
  };

  const win = Math.round(opts.windowSeconds * sr);
  const hop = Math.max(opts.alignSamples, Math.round(opts.hopSeconds * sr / opts.alignSamples) * opts.alignSamples);
  const windows: AnalysisWindow[] = [];
  const push = (offset: number, length: number) =>
    windows.push({ offset, length, start: toOriginal(offset), end: toOriginal(offset + length - 1) + 1 / sr });

  if (total < opts.minSeconds * sr) return { speech, windows };
  if (total <= Math.max(win, Math.round(opts.wholeBelowSeconds * sr))) {
    push(0, total);
    return { speech, windows };
  }
  let offset = 0;
  for (; offset + win <= total; offset += hop) push(offset, win);
  const lastEnd = offset - hop + win;
  if (total - lastEnd >= opts.minSeconds * sr) {
    const tail = Math.floor((total - win) / opts.alignSamples) * opts.alignSamples;
    push(tail, win);
  }
  return { speech, windows };
}
