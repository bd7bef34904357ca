/**
 * Peak memory of probing and enrolling a 3-hour recording (target: under 600 MB each). Builds a
 * 3-hour MP3 of real speech (LibriSpeech utterances from ../shared, looped) with ffmpeg, then runs
 * `seimon probe` and `seimon performer add` on it, each in a fresh process, and prints JSON with each
 * process's peak resident memory: GNU time's maximum RSS of the whole process, so the ONNX worker
 * threads, the wasm decoder and every native allocation count, not only the JavaScript heap. Not a
 * timed test: it measures memory (the seconds are printed to judge a change, on a machine this busy).
 * Usage: npx tsx scripts/bench/three-hours.ts [minutes=180] [runs=1]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SPEECH = path.resolve(ROOT, '..', 'shared', 'data', 'speech', 'librispeech-train-clean-100-1utt');

/** A list file for ffmpeg's concat demuxer that loops real utterances up to `seconds`. */
function speechList(dir: string, seconds: number): string {
  const files: string[] = [];
  for (const spk of fs.readdirSync(SPEECH).sort()) {
    const d = path.join(SPEECH, spk);
    if (!fs.statSync(d).isDirectory()) continue;
    for (const f of fs.readdirSync(d)) if (f.endsWith('.flac')) files.push(path.join(d, f));
  }
  if (files.length === 0) throw new Error(`no speech under ${SPEECH}`);
  const lines: string[] = [];
  // LibriSpeech utterances average ~12 s; overshoot and let -t cut at the exact length.
  for (let i = 0; lines.length * 8 < seconds; i++) lines.push(`file '${files[i % files.length]!.replace(/'/g, "'\\''")}'`);
  const list = path.join(dir, 'list.txt');
  fs.writeFileSync(list, lines.join('\n') + '\n');
  return list;
}

/** Runs the CLI in a fresh process under GNU time; returns its exit code, peak RSS in MiB and seconds. */
function measure(args: string[]): { code: number | null; peakMiB: number; seconds: number; err: string } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, path.join(ROOT, 'bin', 'seimon.js'), ...args], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const lines = r.stderr.trim().split('\n');
  const kb = Number(lines.at(-1));
  return { code: r.status, peakMiB: Math.round(kb / 1024), seconds: Math.round((performance.now() - t0) / 1000), err: lines.slice(0, -1).join('\n').slice(-500) };
}

const summary = (m: ReturnType<typeof measure>) => ({ exit: m.code, peakMiB: m.peakMiB, seconds: m.seconds, ...(m.code ? { err: m.err } : {}) });

export async function runThreeHourBench(minutes = 180, runs = 1): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seimon-3h-'));
  try {
    const mp3 = path.join(dir, 'three-hours.mp3');
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', speechList(dir, minutes * 60), '-t', String(minutes * 60), '-ac', '1', '-ar', '16000', '-b:a', '48k', mp3]);
    const results: Record<string, unknown>[] = [];
    for (let run = 0; run < runs; run++) {
      const dataDir = path.join(dir, `data-${run}`);
      const probe = measure(['probe', mp3, '--json']);
      const enroll = measure(['--data-dir', dataDir, '--json', 'performer', 'add', '--name', 'Three hours', mp3]);
      fs.rmSync(dataDir, { recursive: true, force: true });
      // The load average says how busy the machine was (seconds are only comparable at similar load).
      results.push({ probe: summary(probe), enroll: summary(enroll), loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10) });
    }
    return {
      minutes,
      fileMiB: Math.round(fs.statSync(mp3).size / 2 ** 20),
      cores: os.availableParallelism(),
      ...(runs === 1 ? results[0] : { runs: results }),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await runThreeHourBench(Number(process.argv[2] ?? 180), Number(process.argv[3] ?? 1)), null, 2));
}
