import type { WindowType } from './window.js';

/** Options of a Kaldi-compatible fbank; names follow Kaldi's own. */
export interface FbankOptions {
  sampleRate: number;
  /** Multiplies [-1, 1] samples before analysis (32768 = int16 range, as WeSpeaker trains). */
  sampleScale: number;
  frameLengthMs: number;
  frameShiftMs: number;
  numMelBins: number;
  windowType: WindowType;
  preemphasis: number;
  removeDcOffset: boolean;
  lowFreq: number;
  /** <= 0 means an offset from Nyquist (Kaldi convention). */
  highFreq: number;
}

export type FbankPresetName = 'wespeaker' | '3dspeaker';

export const FBANK_PRESET_NAMES: readonly FbankPresetName[] = ['wespeaker', '3dspeaker'];

const COMMON = {
  sampleRate: 16000,
  frameLengthMs: 25,
  frameShiftMs: 10,
  numMelBins: 80,
  preemphasis: 0.97,
  removeDcOffset: true,
  lowFreq: 20,
  highFreq: 0,
} as const;

/** The presets the supported speaker models were trained with (see speaker-models.md). */
export const FBANK_PRESETS: Readonly<Record<FbankPresetName, FbankOptions>> = {
  wespeaker: { ...COMMON, sampleScale: 32768, windowType: 'hamming' },
  '3dspeaker': { ...COMMON, sampleScale: 1, windowType: 'povey' },
};

/** Narrows a user-supplied string to a preset name. */
export function isFbankPresetName(s: string): s is FbankPresetName {
  return (FBANK_PRESET_NAMES as readonly string[]).includes(s);
}
