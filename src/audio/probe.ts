import type { QualityReport } from '../domain/audio.js';
import { frameDescriptors } from './descriptors.js';
import type { FrameDescriptors } from './descriptors.js';
import { LoudnessMeter } from './loudness.js';
import { canonicalBlocks } from './blocks.js';
import type { AudioStream } from './stream.js';
import { SPEECH_RATE, sourceInfo } from './pipeline.js';
import { SignalStats, toDbfs } from './signal-stats.js';
import { openAudioStream } from './stream.js';
import type { DecodeOptions } from './decode.js';
import type { AudioWarning } from './types.js';
import { detectSpeech, speechSeconds } from './vad/index.js';
import type { SpeechSegment, VadEngine } from './vad/index.js';

export type { QualityReport };

const MIN_DURATION = 1;
const MIN_SPEECH = 3;

function mean(xs: Float64Array, mask?: Uint8Array): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < xs.length; i++) {
    if (mask && !mask[i]) continue;
    s += xs[i]!;
    n++;
  }
  return n ? s / n : 0;
}

function speechMask(d: FrameDescriptors, segments: readonly SpeechSegment[]): Uint8Array {
  const mask = new Uint8Array(d.power.length);
  for (const s of segments) {
    const a = Math.floor(s.start / d.frameSeconds);
    const b = Math.min(mask.length, Math.ceil(s.end / d.frameSeconds));
    mask.fill(1, a, b);
  }
  return mask;
}

/** Speech power over noise power, with noise from non-speech frames (or the quietest tenth). */
function estimateSnr(d: FrameDescriptors, mask: Uint8Array): number | null {
  const speech: number[] = [];
  const other: number[] = [];
  d.power.forEach((p, i) => (mask[i] ? speech : other).push(p));
  if (speech.length === 0) return null;
  let noise: number;
  // Lower quartile, not mean: VAD padding and trailing syllables leak speech into "non-speech" frames.
  if (other.length >= Math.max(3, 0.05 * d.power.length))
    noise = Float64Array.from(other).sort()[Math.floor(other.length / 4)]!;
  else {
    const sorted = Float64Array.from(d.power).sort();
    noise = sorted[Math.floor(0.1 * sorted.length)] ?? 0;
  }
  const signal = speech.reduce((a, b) => a + b, 0) / speech.length;
  if (noise <= 1e-12) return 100;
  return Math.max(-20, Math.min(100, 10 * Math.log10(Math.max(signal - noise, 1e-12) / noise)));
}

/** Loud, tonal stretches the VAD calls non-speech: background music (or a steady hum). */
function musicSuspected(d: FrameDescriptors, mask: Uint8Array): boolean {
  const speechPower = mean(d.power, mask);
  if (speechPower === 0) {
    // No speech at all: loud and tonal throughout still deserves the warning.
    const loud = d.power.filter((p) => p > 1e-4).length;
    return loud > 0.5 * d.power.length;
  }
  let suspicious = 0;
  for (let i = 0; i < d.power.length; i++) {
    if (!mask[i] && d.power[i]! > speechPower * 0.03 && d.spectralFlatness[i]! < 0.3) suspicious++;
  }
  return suspicious > 0.15 * d.power.length;
}

function collectWarnings(
  r: Omit<QualityReport, 'warnings'>,
  decodeWarnings: AudioWarning[],
): AudioWarning[] {
  const w = [...decodeWarnings];
  const add = (code: AudioWarning['code'], message: string) => w.push({ code, message });
  if (r.durationSeconds < MIN_DURATION)
    add(
      'AUDIO_TOO_SHORT',
      `Only ${r.durationSeconds.toFixed(2)} s long; at least ${MIN_DURATION} s is needed for a meaningful comparison.`,
    );
  if (r.speechSeconds === 0) add('AUDIO_NO_SPEECH', 'No speech was found in this recording.');
  else if (r.speechSeconds < MIN_SPEECH)
    add(
      'AUDIO_LITTLE_SPEECH',
      `Only ${r.speechSeconds.toFixed(1)} s of speech; ${MIN_SPEECH} s or more gives reliable scores.`,
    );
  if (r.clippingRatio > 0.001)
    add(
      'AUDIO_CLIPPING',
      `${(r.clippingRatio * 100).toFixed(2)}% of samples are at full scale (clipped).`,
    );
  if (Math.abs(r.dcOffset) > 0.02)
    add(
      'AUDIO_DC_OFFSET',
      `DC offset of ${r.dcOffset.toFixed(3)} (a faulty recorder or converter).`,
    );
  if (r.rmsDbfs < -50 && r.speechSeconds > 0)
    add('AUDIO_TOO_QUIET', `Very quiet (${r.rmsDbfs.toFixed(1)} dBFS RMS).`);
  if (r.snrDb !== null && r.snrDb < 10)
    add(
      'AUDIO_NOISY',
      `Estimated SNR is ${r.snrDb.toFixed(1)} dB; background noise will lower similarity scores.`,
    );
  if (r.musicOrNoiseSuspected)
    add(
      'AUDIO_MUSIC_SUSPECTED',
      'Loud non-speech sound (music or steady noise) is present; scores may be unreliable.',
    );
  if (r.source.sampleRate < 16000)
    add(
      'AUDIO_LOW_SAMPLE_RATE',
      `Recorded at ${r.source.sampleRate} Hz: no content above ${r.source.sampleRate / 2} Hz (telephone-band audio).`,
    );
  return w;
}

/** The fields of a stream other than its chunks (getters read through, so the duration stays live). */
function sourceFields(s: AudioStream): Omit<AudioStream, 'chunks'> {
  return {
    sampleRate: s.sampleRate,
    channelCount: s.channelCount,
    format: s.format,
    get durationSeconds() {
      return s.durationSeconds;
    },
    warnings: s.warnings,
  };
}

function concatDescriptors(parts: readonly FrameDescriptors[]): FrameDescriptors {
  const n = parts.reduce((s, p) => s + p.power.length, 0);
  const out: FrameDescriptors = {
    frameSeconds: parts[0]?.frameSeconds ?? 512 / SPEECH_RATE,
    power: new Float64Array(n),
    spectralFlatness: new Float64Array(n),
    zcr: new Float64Array(n),
    centroidHz: new Float64Array(n),
  };
  let at = 0;
  for (const p of parts) {
    out.power.set(p.power, at);
    out.spectralFlatness.set(p.spectralFlatness, at);
    out.zcr.set(p.zcr, at);
    out.centroidHz.set(p.centroidHz, at);
    at += p.power.length;
  }
  return out;
}

/** Measures a recording's fitness for speaker comparison (streams the original once). */
export async function probeAudioFile(
  path: string,
  opts: DecodeOptions & { vad?: VadEngine | 'auto' } = {},
): Promise<QualityReport> {
  const stream = await openAudioStream(path, opts);
  const stats = new SignalStats();
  // The original's statistics see every chunk on its way to the canonical blocks.
  const tapped: AudioStream = {
    ...sourceFields(stream),
    chunks: (async function* () {
      for await (const block of stream.chunks) {
        stats.add(block);
        yield block;
      }
    })(),
  };
  const meter = new LoudnessMeter(SPEECH_RATE);
  const descriptorParts: FrameDescriptors[] = [];
  const segments: SpeechSegment[] = [];
  let vadEngine: VadEngine = 'energy';
  // One block of canonical audio at a time: memory stays flat however long the recording is.
  for await (const block of canonicalBlocks(tapped)) {
    const vad = await detectSpeech(block.samples, opts.vad ?? 'auto');
    vadEngine = vad.engine;
    const offset = block.start / SPEECH_RATE;
    segments.push(...vad.segments.map((s) => ({ start: s.start + offset, end: s.end + offset })));
    descriptorParts.push(frameDescriptors(block.samples));
    meter.push(block.samples);
  }
  const d = concatDescriptors(descriptorParts);
  const mask = speechMask(d, segments);
  const hasSpeech = mask.some((m) => m === 1);
  const lufs = meter.result();
  const report = {
    source: sourceInfo(stream),
    durationSeconds: stream.durationSeconds,
    speechSeconds: speechSeconds(segments),
    speechSegments: segments,
    vadEngine,
    snrDb: estimateSnr(d, mask),
    clippingRatio: stats.clippingRatio,
    dcOffset: stats.dcOffset,
    peakDbfs: toDbfs(stats.peak),
    rmsDbfs: toDbfs(stats.rms),
    loudnessLufs: Number.isFinite(lufs) ? lufs : null,
    spectralFlatness: mean(d.spectralFlatness, hasSpeech ? mask : undefined),
    zeroCrossingRate: mean(d.zcr, hasSpeech ? mask : undefined),
    spectralCentroidHz: mean(d.centroidHz, hasSpeech ? mask : undefined),
    musicOrNoiseSuspected: musicSuspected(d, mask),
  };
  return { ...report, warnings: collectWarnings(report, stream.warnings) };
}
