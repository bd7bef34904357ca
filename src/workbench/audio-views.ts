// Pictures and playback of a stored recording for the UI, all from the canonical 16 kHz mono signal.
// Files are streamed, so a long recording never sits in memory whole.
import { monoChunks, SPEECH_RATE } from '../audio/pipeline.js';
import { openAudioStream } from '../audio/stream.js';
import { encodeWavPcm16 } from '../audio/wav-writer.js';
import type { Spectrogram, Waveform } from '../domain/index.js';
import { computeFbank } from '../features/fbank.js';
import { FBANK_PRESETS } from '../features/presets.js';

/** Playback and the spectrogram cover at most this much of a recording. */
export const MAX_VIEW_SECONDS = 600;
export const MAX_SPECTROGRAM_FRAMES = 600;
/** Dynamic range shown in the spectrogram, in natural-log energy units (about 80 dB). */
const SPECTROGRAM_RANGE = Math.log(1e8);

/** Canonical samples of a file, up to `maxSeconds`. */
export async function canonicalSamples(file: string, maxSeconds = MAX_VIEW_SECONDS): Promise<Float32Array> {
  const stream = await openAudioStream(file);
  const cap = Math.round(maxSeconds * SPEECH_RATE);
  const parts: Float32Array[] = [];
  let total = 0;
  for await (const c of monoChunks(stream)) {
    const take = c.subarray(0, Math.min(c.length, cap - total));
    parts.push(take);
    total += take.length;
    if (total >= cap) break;
  }
  const out = new Float32Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Min/max peaks of the whole file at `points` points (pairs, in [-1, 1]). */
export async function waveformOf(file: string, points: number): Promise<Waveform> {
  // Peaks per 10 ms block first (a compressed stream's length is known only at its end), then merged.
  const stream = await openAudioStream(file);
  const BLOCK = SPEECH_RATE / 100;
  const blockMin: number[] = [];
  const blockMax: number[] = [];
  let n = 0;
  for await (const c of monoChunks(stream)) {
    for (let i = 0; i < c.length; i++, n++) {
      const b = Math.floor(n / BLOCK);
      const v = c[i] as number;
      if (b === blockMin.length) {
        blockMin.push(v);
        blockMax.push(v);
      } else {
        if (v < blockMin[b]!) blockMin[b] = v;
        if (v > blockMax[b]!) blockMax[b] = v;
      }
    }
  }
  const perBlocks = Math.max(1, Math.ceil(blockMin.length / points));
  const mins = new Float32Array(points).fill(Infinity);
  const maxs = new Float32Array(points).fill(-Infinity);
  for (let b = 0; b < blockMin.length; b++) {
    const k = Math.min(points - 1, Math.floor(b / perBlocks));
    if (blockMin[b]! < mins[k]!) mins[k] = blockMin[b]!;
    if (blockMax[b]! > maxs[k]!) maxs[k] = blockMax[b]!;
  }
  const used = Math.min(points, Math.ceil(blockMin.length / perBlocks));
  const peaks: number[] = [];
  for (let k = 0; k < used; k++) peaks.push(clamp(mins[k] as number), clamp(maxs[k] as number));
  return { durationSeconds: n / SPEECH_RATE, peaks };
}

const clamp = (v: number) => (Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0);

/** Log-mel spectrogram (80 bins), averaged down to at most 600 frames, scaled to 0..1. */
export async function spectrogramOf(file: string): Promise<Spectrogram> {
  const samples = await canonicalSamples(file);
  const fb = computeFbank(samples, FBANK_PRESETS['3dspeaker']);
  const group = Math.max(1, Math.ceil(fb.numFrames / MAX_SPECTROGRAM_FRAMES));
  const frames = Math.ceil(fb.numFrames / group);
  const bins = fb.numBins;
  const values = new Array<number>(frames * bins).fill(0);
  let hi = -Infinity;
  for (let f = 0; f < frames; f++) {
    const from = f * group;
    const to = Math.min(fb.numFrames, from + group);
    for (let b = 0; b < bins; b++) {
      let s = 0;
      for (let t = from; t < to; t++) s += fb.data[t * bins + b] as number;
      const v = s / (to - from);
      values[f * bins + b] = v;
      if (v > hi) hi = v;
    }
  }
  const lo = hi - SPECTROGRAM_RANGE;
  for (let i = 0; i < values.length; i++) values[i] = Math.max(0, Math.min(1, ((values[i] as number) - lo) / SPECTROGRAM_RANGE));
  return { frames, bins, frameSeconds: (group * FBANK_PRESETS['3dspeaker'].frameShiftMs) / 1000, values };
}

/** The first 10 minutes as a 16 kHz mono 16-bit WAV, for playback. */
export async function playbackWav(file: string): Promise<Uint8Array> {
  const wav = encodeWavPcm16(await canonicalSamples(file), SPEECH_RATE);
  return new Uint8Array(wav.buffer, wav.byteOffset, wav.byteLength);
}
