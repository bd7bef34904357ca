/**
 * `seimon eval` and `seimon calibrate` with the bundled starter model on real held-out speakers
 * (never trained on). LibriSpeech here has one utterance per speaker, so each is cut into halves:
 * a same-speaker trial compares the halves, a different-speaker trial halves of two speakers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpeechAudio } from '../../../src/audio/pipeline.js';
import { encodeWavPcm16 } from '../../../src/audio/wav-writer.js';
import { runCli } from '../../../src/cli/main.js';
import { REPO_ROOT, SHARED_SKIP_MESSAGE, SPEECH_DIR, freshDataDir, hasShared } from '../../helpers/paths.js';

const LIBRI = 'librispeech-train-clean-100-1utt';
const HELDOUT = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, 'models', 'training', 'heldout_speakers.json'), 'utf8'),
) as Record<string, string[]>;
const SPEAKERS = (HELDOUT[LIBRI] ?? []).slice(0, 40);
/**
 * Chance is 50 %. The starter model measured 26.6 % on this protocol (all 40 held-out speakers,
 * utterance halves) when this test was written, and its model card reports 32.7 % on 4 s pieces;
 * the bound catches a broken pipeline (wrong front-end, scores shuffled), not a weak model.
 */
const EER_BOUND = 0.35;

if (!hasShared) console.warn(`[eval-real-speech] ${SHARED_SKIP_MESSAGE}`);

const dataDir = freshDataDir('seimon-eval-real');
const work = freshDataDir('seimon-eval-real-clips');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--data-dir', dataDir, '--json', ...args], {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
  });
  return { code, out, err };
}

/** Every speaker's first half against every speaker's second half. */
function allPairs(name: string, speakers: readonly string[]): string {
  const lines = speakers.flatMap((a) => speakers.map((b) => `${a === b ? 1 : 0} ${a}-a.wav ${b}-b.wav`));
  const file = path.join(work, name);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

interface EvalJson {
  model: { id: string; calibrated: boolean };
  counts: { target: number; nonTarget: number };
  files: { embedded: number; cached: number };
  metrics: { eer: number; cllr: number | null; minCllr: number };
  durationSeconds: number;
}

describe.skipIf(!hasShared)('seimon eval on held-out speakers (real speech, starter model)', () => {
  const ready: string[] = [];

  beforeAll(async () => {
    for (const spk of SPEAKERS) {
      const dir = path.join(SPEECH_DIR, LIBRI, spk);
      const flac = fs.readdirSync(dir).find((f) => f.endsWith('.flac'));
      if (!flac) continue;
      const { samples } = await loadSpeechAudio(path.join(dir, flac));
      const half = Math.floor(samples.length / 2);
      fs.writeFileSync(path.join(work, `${spk}-a.wav`), encodeWavPcm16(samples.subarray(0, half), 16000));
      fs.writeFileSync(path.join(work, `${spk}-b.wav`), encodeWavPcm16(samples.subarray(half), 16000));
      ready.push(spk);
    }
  });

  it('separates speakers, calibrates to Cllr < 1 bit, and reruns from the cache in seconds', async () => {
    expect(ready.length).toBeGreaterThanOrEqual(30);
    const all = allPairs('all.txt', ready);
    const first = await cli('eval', '--trials', all);
    expect(first.code, first.err).toBe(0);
    const e = JSON.parse(first.out) as EvalJson;
    expect(e.counts).toMatchObject({ skipped: 0, target: ready.length, nonTarget: ready.length * (ready.length - 1) });
    console.log(`[eval-real-speech] EER ${(100 * e.metrics.eer).toFixed(2)} %, min Cllr ${e.metrics.minCllr.toFixed(3)} bits (${e.model.id})`);
    expect(e.metrics.eer).toBeLessThan(EER_BOUND);
    expect(e.metrics.minCllr).toBeLessThan(1);

    // Calibration measured where it was not fitted: half the speakers fit it, the other half test it.
    // Logged rather than asserted: it describes the model, not the plumbing.
    const half = Math.floor(ready.length / 2);
    const fit = await cli('calibrate', '--trials', allPairs('fit.txt', ready.slice(0, half)));
    expect(fit.code, fit.err).toBe(0);
    const held = JSON.parse((await cli('eval', '--trials', allPairs('held.txt', ready.slice(half)))).out) as EvalJson;
    console.log(`[eval-real-speech] Cllr on held-out speakers after calibrating on others: ${held.metrics.cllr?.toFixed(3)} bits`);

    // In-sample: calibrate on every trial, then eval the same trials.
    const cal = await cli('calibrate', '--trials', all);
    expect(cal.code, cal.err).toBe(0);
    const c = JSON.parse(cal.out) as { cllrAfter: number; calibration: { a: number } };
    expect(c.calibration.a).toBeGreaterThan(0);
    const again = await cli('eval', '--trials', all);
    expect(again.code, again.err).toBe(0);
    const g = JSON.parse(again.out) as EvalJson;
    expect(g.model.calibrated).toBe(true);
    expect(g.metrics.cllr).toBeCloseTo(c.cllrAfter, 9);
    expect(g.metrics.cllr).toBeLessThan(1);
    // Repeated runs of ~1,600 trials: nothing re-embedded, and only hashing and arithmetic left.
    expect(g.files.embedded).toBe(0);
    expect(g.durationSeconds).toBeLessThan(15);
  });
});
