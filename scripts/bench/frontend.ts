/**
 * Front-end benchmark: decode, resample (48k -> 16k), fbank and the whole streamed path on a
 * 10-minute file, plus torchaudio's compliance.kaldi.fbank on the same audio as the peer.
 * Run directly with `npx tsx scripts/bench/frontend.ts`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAudioStream } from '../../src/audio/stream.js';
import { loadSpeechAudio } from '../../src/audio/pipeline.js';
import { mixToMono } from '../../src/audio/mix.js';
import { Resampler, resample } from '../../src/audio/resample.js';
import { encodeWavPcm16 } from '../../src/audio/wav-writer.js';
import { computeFbank } from '../../src/features/fbank.js';
import { RealFft } from '../../src/features/fft.js';
import { fbankFromFile } from '../../src/features/extract.js';
import { FBANK_PRESETS } from '../../src/features/presets.js';
import { printTable } from './table.js';

const SECONDS = 600;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const SPEECH = path.resolve(
  HERE,
  '..',
  '..',
  '..',
  'shared',
  'data',
  'speech',
  'librispeech-train-clean-100-1utt',
);
const PYTHON = '/usr/bin/python3';

/** 10 minutes of 16 kHz speech: real LibriSpeech utterances concatenated, or a synthetic buzz. */
async function tenMinutesOfSpeech(): Promise<{ samples: Float32Array; label: string }> {
  const out = new Float32Array(SECONDS * 16000);
  if (fs.existsSync(SPEECH)) {
    const files = fs.readdirSync(SPEECH).flatMap((spk) => {
      const dir = path.join(SPEECH, spk);
      return fs.statSync(dir).isDirectory()
        ? fs
            .readdirSync(dir)
            .filter((f) => f.endsWith('.flac'))
            .map((f) => path.join(dir, f))
        : [];
    });
    let at = 0;
    for (const f of files.sort()) {
      if (at >= out.length) break;
      const a = await loadSpeechAudio(f);
      out.set(a.samples.subarray(0, out.length - at), at);
      at += a.samples.length;
    }
    if (at >= out.length) return { samples: out, label: 'LibriSpeech utterances concatenated' };
  }
  for (let i = 0; i < out.length; i++) {
    const t = i / 16000;
    out[i] =
      0.2 *
        Math.sin(2 * Math.PI * (120 + 30 * Math.sin(t)) * t) *
        (0.5 + 0.5 * Math.sin(2 * Math.PI * 3 * t)) +
      0.01 * Math.sin(i * 12.9898);
  }
  return { samples: out, label: 'synthetic (../shared/data/speech absent)' };
}

/** Writes interleaved 16-bit stereo at 48 kHz (the typical studio/video export). */
function writeStereo48k(mono16k: Float32Array, file: string): void {
  const x = resample(mono16k, 16000, 48000);
  const pcm = encodeWavPcm16(x, 48000);
  const frames = x.length;
  const out = Buffer.alloc(44 + frames * 4);
  pcm.copy(out, 0, 0, 44);
  out.writeUInt32LE(36 + frames * 4, 4);
  out.writeUInt16LE(2, 22);
  out.writeUInt32LE(48000 * 4, 28);
  out.writeUInt16LE(4, 32);
  out.writeUInt32LE(frames * 4, 40);
  for (let i = 0; i < frames; i++) {
    const s = pcm.readInt16LE(44 + 2 * i);
    out.writeInt16LE(s, 44 + 4 * i);
    out.writeInt16LE(s >> 1, 46 + 4 * i); // a quieter right channel, so the mix is not a no-op
  }
  fs.writeFileSync(file, out);
}

function best<T>(runs: number, fn: () => T): { seconds: number; value: T } {
  let bestS = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = fn();
    bestS = Math.min(bestS, (performance.now() - t0) / 1000);
  }
  return { seconds: bestS, value };
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

/** Runs torchaudio's Kaldi fbank on a 16 kHz WAV; returns best-of-3 seconds or a reason it could not. */
function torchaudioFbank(wav: string): { seconds?: number; threads?: number; skipped?: string } {
  if (!fs.existsSync(PYTHON)) return { skipped: `${PYTHON} not found` };
  const script = `
import json, time, wave, numpy as np, torch
import torchaudio.compliance.kaldi as k
w = wave.open(${JSON.stringify(wav)}, 'rb'); x = np.frombuffer(w.readframes(w.getnframes()), dtype='<i2').astype(np.float32)
import os; torch.set_num_threads(os.cpu_count() or 1)
t = torch.from_numpy(x).unsqueeze(0)
best = 1e9
for _ in range(3):
    t0 = time.perf_counter(); f = k.fbank(t, num_mel_bins=80, frame_length=25, frame_shift=10, dither=0.0, window_type='hamming'); best = min(best, time.perf_counter() - t0)
print(json.dumps({'seconds': best, 'threads': torch.get_num_threads(), 'frames': f.shape[0]}))
`;
  try {
    const out = execFileSync(PYTHON, ['-c', script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
    });
    return JSON.parse(out.trim().split('\n').pop() ?? '{}') as { seconds: number; threads: number };
  } catch (e) {
    return { skipped: `torchaudio run failed: ${(e as Error).message.split('\n')[0]}` };
  }
}

/** Prints the front-end table; see the module comment. */
export async function runFrontendBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seimon-bench-frontend-'));
  try {
    const { samples, label } = await tenMinutesOfSpeech();
    const stereo = path.join(dir, 'ten-minutes-48k-stereo.wav');
    const mono16 = path.join(dir, 'ten-minutes-16k.wav');
    writeStereo48k(samples, stereo);
    fs.writeFileSync(mono16, encodeWavPcm16(samples, 16000));

    // Decode: stream the 48 kHz stereo WAV from disk and mix to mono.
    const chunks48: Float32Array[] = [];
    const decodeS = await timeAsync(async () => {
      const s = await openAudioStream(stereo);
      for await (const block of s.chunks) chunks48.push(mixToMono(block));
    });
    const resampleS = best(3, () => {
      const r = new Resampler(48000, 16000);
      let n = 0;
      for (const c of chunks48) n += r.push(c).length;
      return n + r.flush().length;
    }).seconds;
    chunks48.length = 0;
    const ours = best(3, () => computeFbank(samples, FBANK_PRESETS.wespeaker));
    // The FFT's share of the fbank: the same number of 512-point power spectra on their own.
    const fftS = best(3, () => {
      const fft = new RealFft(512);
      const frame = Float64Array.from({ length: 512 }, (_, i) => Math.sin(i * 0.37));
      const power = new Float64Array(257);
      for (let f = 0; f < ours.value.numFrames; f++) fft.powerSpectrum(frame, power);
      return power[1];
    }).seconds;
    const wholeS = await timeAsync(() => fbankFromFile(stereo, 'wespeaker'));
    const peer = torchaudioFbank(mono16);
    const rt = (s: number) => `${(SECONDS / s).toFixed(0)}x`;
    const rows: (string | number)[][] = [
      ['decode (WAV 48k stereo, streamed + mix)', decodeS * 1000, rt(decodeS)],
      ['resample 48k -> 16k', resampleS * 1000, rt(resampleS)],
      ['fbank 80 x 25/10 ms (wespeaker)', ours.seconds * 1000, rt(ours.seconds)],
      ['  of which the 512-point power spectra alone (RealFft)', fftS * 1000, rt(fftS)],
      ['whole front-end, streamed (file -> fbank)', wholeS * 1000, rt(wholeS)],
    ];
    if (peer.seconds !== undefined)
      rows.push([
        `torchaudio kaldi.fbank (${peer.threads} threads)`,
        peer.seconds * 1000,
        rt(peer.seconds),
      ]);
    printTable(
      `Audio front-end, ${SECONDS / 60} min of audio (${label})`,
      ['stage', 'ms', 'x real time'],
      rows,
    );
    if (peer.seconds !== undefined)
      console.log(
        `fbank speed vs torchaudio: ${(peer.seconds / ours.seconds).toFixed(2)}x (>1 means Seimon is faster)`,
      );
    else console.log(`torchaudio comparison skipped: ${peer.skipped}`);
    console.log(
      `peak memory (max RSS of this process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; ${ours.value.numFrames} frames: fbank ${((ours.seconds * 1e6) / ours.value.numFrames).toFixed(2)} µs per frame, of which FFT ${((fftS * 1e6) / ours.value.numFrames).toFixed(2)} µs`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await runFrontendBench();
