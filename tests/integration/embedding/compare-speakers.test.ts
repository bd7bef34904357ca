/**
 * The starter model separates speakers it never saw in training: `seimon compare` on two recordings of
 * one held-out speaker scores clearly higher than on recordings of two different held-out speakers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpeechAudio } from '../../../src/audio/pipeline.js';
import { encodeWavPcm16 } from '../../../src/audio/wav-writer.js';
import { runCli } from '../../../src/cli/main.js';
import { REPO_ROOT, SHARED_SKIP_MESSAGE, SPEECH_DIR, freshDataDir, hasShared } from '../../helpers/paths.js';

const HELDOUT = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'models', 'training', 'heldout_speakers.json'), 'utf8')) as Record<string, string[]>;
const LIBRI = 'librispeech-train-clean-100-1utt';
const SPEAKERS = (HELDOUT[LIBRI] ?? []).slice(0, 10);

if (!hasShared) console.warn(`[compare-speakers] ${SHARED_SKIP_MESSAGE}`);

async function compare(dataDir: string, a: string, b: string): Promise<number> {
  let out = '';
  let err = '';
  const code = await runCli(['--data-dir', dataDir, '--json', 'compare', a, b], { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  expect(code, err).toBe(0);
  const r = JSON.parse(out) as { cosine: number; asNorm: number | null; percent: number | null; band: string; model: { calibrated: boolean }; population: { withheld: string | null; performers: number } };
  // The bundled model ships calibrated and with a cohort, so compare reports the AS-norm score; but this
  // data folder has no performers to validate the calibration on, so the % and band are withheld.
  expect(r.model.calibrated).toBe(true);
  expect(typeof r.asNorm).toBe('number');
  expect(r.percent).toBeNull();
  expect(r.band).toBe('withheld');
  expect(r.population).toMatchObject({ withheld: 'no-population', performers: 0 });
  return r.cosine;
}

describe.skipIf(!hasShared)('seimon compare on held-out speakers (real speech, starter model)', () => {
  const clips = new Map<string, [string, string]>(); // speaker -> two recordings (first and second half)
  const dataDir = freshDataDir('seimon-compare');

  beforeAll(async () => {
    const work = freshDataDir('seimon-compare-clips');
    for (const spk of SPEAKERS) {
      const dir = path.join(SPEECH_DIR, LIBRI, spk);
      const file = fs.readdirSync(dir).find((f) => f.endsWith('.flac'));
      if (!file) continue;
      const { samples } = await loadSpeechAudio(path.join(dir, file));
      const half = Math.floor(samples.length / 2);
      const a = path.join(work, `${spk}-a.wav`);
      const b = path.join(work, `${spk}-b.wav`);
      fs.writeFileSync(a, encodeWavPcm16(samples.subarray(0, half), 16000));
      fs.writeFileSync(b, encodeWavPcm16(samples.subarray(half), 16000));
      clips.set(spk, [a, b]);
    }
  });

  it('scores same-speaker pairs above different-speaker pairs', async () => {
    const same: number[] = [];
    const diff: number[] = [];
    const speakers = [...clips.keys()];
    for (const [i, spk] of speakers.entries()) {
      const [a, b] = clips.get(spk) ?? ['', ''];
      same.push(await compare(dataDir, a, b));
      const other = clips.get(speakers[(i + 1) % speakers.length] ?? '');
      if (other) diff.push(await compare(dataDir, a, other[1]));
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    // Every same-speaker pair outranks most different-speaker pairs (AUC), and the means are well apart.
    let wins = 0;
    for (const s of same) for (const d of diff) wins += s > d ? 1 : 0;
    const auc = wins / (same.length * diff.length);
    console.log(`[compare-speakers] same mean ${mean(same).toFixed(3)}, different mean ${mean(diff).toFixed(3)}, AUC ${auc.toFixed(3)}`);
    expect(same.length).toBeGreaterThanOrEqual(8);
    expect(auc).toBeGreaterThan(0.9);
    expect(mean(same) - mean(diff)).toBeGreaterThan(0.2);
  });
});
