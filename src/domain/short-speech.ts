// How the app embeds short speech (issue 19), chosen by measurement on held-out speakers
// (models/training/short_eval.py, scripts/eval/short-speech.ts; figures in models/starter/MODEL_CARD.md).

/**
 * Clips with less speech than this (seconds, as the voice activity detector counts it) get no score.
 * On held-out speakers the starter model's EER is 10-13 % with 0.5-1.5 s of speech and jumps to 22 %
 * below 0.5 s, where a score says little; above it the score is shown with the error rate measured at
 * its length (SHORT_SPEECH_SECONDS).
 */
export const MIN_SCORED_SPEECH_SECONDS = 0.5;

/**
 * Speech up to this long (seconds) is embedded as one window of all of it rather than as 3 s windows
 * averaged: on 5 s clips that alone took the EER from 2.9 % to 2.0 %.
 */
export const WHOLE_SPEECH_WINDOW_SECONDS = 6;

/** Below this much speech a score is shown with the measured error rate at that length. */
export const SHORT_SPEECH_SECONDS = 5;

/** Measured EER (%) of a model on test speech from `seconds` up to (not including) `upTo` seconds. */
export interface SpeechDurationEer {
  seconds: number;
  upTo: number;
  eerPercent: number;
}

/**
 * A model's measured EER by speech length, as its manifest states it (the optional manifest field
 * `eerBySpeech`; a model without it states that no measurement exists). Rows are ordered, start at 0 s
 * or later, and each starts where the one before ends.
 */
export interface SpeechEerTable {
  /** Whom and what it was measured on, as a phrase the caveat quotes ("held-out English speakers (...)"). */
  basis: { en: string; ja: string };
  /** Where the figures come from: script, data split, document. */
  provenance: string;
  rows: SpeechDurationEer[];
}

/** The row whose range holds `speechSeconds` (the shortest row below every range, the last above). */
export function eerAtSpeech(table: readonly SpeechDurationEer[] | undefined, speechSeconds: number): SpeechDurationEer | null {
  const rows = [...(table ?? [])].sort((a, b) => a.seconds - b.seconds);
  return rows.find((r) => speechSeconds >= r.seconds && speechSeconds < r.upTo) ?? (speechSeconds < (rows[0]?.seconds ?? 0) ? rows[0] : rows[rows.length - 1]) ?? null;
}
