/**
 * `seimon eval` and `seimon calibrate` end to end on generated audio with the bundled starter model
 * (a random projection ranked these voices by luck, which a front-end change undid), and
 * the bad-input contract: every problem is reported with its line number and the rest is evaluated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { encodeWavPcm16 } from '../../../src/audio/wav-writer.js';
import { runCli } from '../../../src/cli/main.js';
import { importModelFile } from '../../../src/models/import.js';
import { listAudit } from '../../../src/store/audit.js';
import { getModelRecord } from '../../../src/store/models.js';
import { REPO_ROOT, freshDataDir } from '../../helpers/paths.js';
import { synthSpeech } from './synth-voice.js';
import type { SynthVoice } from './synth-voice.js';

const MODEL = path.join(REPO_ROOT, 'models', 'starter', 'seimon-starter-v2.onnx');
const VOICES: Record<string, SynthVoice> = {
  a: { f0: 105, tract: 1.0 },
  b: { f0: 170, tract: 1.12 },
  c: { f0: 235, tract: 1.25 },
};

const dataDir = freshDataDir('seimon-eval');
const work = freshDataDir('seimon-eval-files');
let modelId = '';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--data-dir', dataDir, ...args], {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
  });
  return { code, out, err };
}

/** Writes a trial list into the work folder and returns its path. */
function trials(name: string, lines: string[]): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

// Lines 1-2 are comments, so trial lines 3-9 are good and 10-15 each carry one problem.
const MIXED = [
  '# label enroll test',
  '',
  '1 a1.wav a2.wav',
  '1 b1.wav b2.wav # same voice, other syllables',
  '1 clips/c1.wav,a1.wav c2.wav',
  '0 a1.wav b2.wav',
  '0 a1.wav clips/c2.wav',
  '0 b1.wav c2.wav',
  '0 b1.wav,a2.wav clips/c1.wav',
  '1 a1.wav a2.wav',
  '1 missing.wav a2.wav',
  '2 a1.wav a2.wav',
  '1 a1.wav',
  '0 text.wav a2.wav',
  '0 silence.wav b2.wav',
];

beforeAll(async () => {
  fs.mkdirSync(path.join(work, 'clips'));
  for (const [name, voice] of Object.entries(VOICES)) {
    for (const take of [1, 2]) {
      const wav = encodeWavPcm16(synthSpeech(voice, 4, take * 7 + name.charCodeAt(0)), 16000);
      fs.writeFileSync(path.join(work, `${name}${take}.wav`), wav);
      if (name === 'c') fs.writeFileSync(path.join(work, 'clips', `${name}${take}.wav`), wav);
    }
  }
  fs.writeFileSync(path.join(work, 'short.wav'), encodeWavPcm16(synthSpeech(VOICES.b as SynthVoice, 1.8, 99), 16000));
  fs.writeFileSync(path.join(work, 'text.wav'), 'this is a text file, not audio\n');
  fs.writeFileSync(path.join(work, 'silence.wav'), encodeWavPcm16(new Float32Array(16000 * 3), 16000));
  const ctx = openCore(dataDir, 'test');
  try {
    modelId = (await importModelFile(ctx, MODEL)).model.id;
  } finally {
    closeCore(ctx);
  }
});

interface EvalJson {
  model: { id: string; sha256: string; calibrated: boolean };
  counts: { target: number; nonTarget: number; lines: number; skipped: number };
  files: { total: number; cached: number; embedded: number; failed: number };
  metrics: { eer: number; minDcf: { value: number; threshold: number; pTarget: number }; cllr: number | null; minCllr: number };
  skipped: { line: number; reason: string; code?: string; message: string }[];
  notes: string[];
  plots: { dir: string; files: string[] } | null;
}

describe('seimon eval', () => {
  it('evaluates the good lines and reports each bad one with its line number', async () => {
    const file = trials('mixed.txt', MIXED);
    const plots = path.join(work, 'plots');
    const scores = path.join(work, 'scores.txt');
    const r = await cli('--json', 'eval', '--trials', file, '--model', modelId, '--plots', plots, '--scores', scores);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as EvalJson;
    expect(j.model).toMatchObject({ id: modelId, calibrated: false });
    expect(j.model.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(j.counts).toEqual({ target: 3, nonTarget: 4, lines: 13, skipped: 6 });
    expect(j.skipped.map((s) => [s.line, s.reason])).toEqual([
      [10, 'duplicate'],
      [11, 'missing-file'],
      [12, 'bad-label'],
      [13, 'field-count'],
      [14, 'audio-error'],
      [15, 'audio-error'],
    ]);
    expect(j.skipped[0]?.message).toContain('line 3');
    expect(j.skipped[1]?.message).toContain('missing.wav');
    expect(j.skipped[4]).toMatchObject({ code: 'AUDIO_NOT_AUDIO' });
    expect(j.skipped[5]?.code).toMatch(/^AUDIO_/);
    // Distinct paths of the parsed lines: 7 clips (clips/c2 and c2 hold the same bytes) + 2 bad files.
    expect(j.files).toMatchObject({ total: 9, failed: 2 });
    expect(j.metrics.eer).toBeGreaterThanOrEqual(0);
    expect(j.metrics.eer).toBeLessThanOrEqual(1);
    expect(j.metrics.minDcf.pTarget).toBe(0.01);
    expect(j.metrics.cllr).toBeNull();
    expect(j.notes.join(' ')).toMatch(/not calibrated/);
    expect(r.err).toBe(''); // --json: no progress chatter

    // Plots: SVG and real PNGs, no Tippett plot without a calibration.
    const names = j.plots?.files.map((f) => path.basename(f)).sort();
    expect(names).toEqual(['det.png', 'det.svg', 'histogram.png', 'histogram.svg']);
    const png = fs.readFileSync(path.join(plots, 'det.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(5000); // text and curves, not a blank canvas

    // The scores file lets anyone recompute the metrics: minDCF by brute force over all thresholds.
    const rows = fs
      .readFileSync(scores, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(' '));
    expect(rows.map((x) => x.slice(0, 3).join(' '))[2]).toBe('1 clips/c1.wav,a1.wav c2.wav');
    expect(rows.every((x) => x.length === 5 && x[4] === 'nan')).toBe(true);
    const t = rows.filter((x) => x[0] === '1').map((x) => Number(x[3]));
    const n = rows.filter((x) => x[0] === '0').map((x) => Number(x[3]));
    let best = Infinity;
    for (const th of [...t, ...n, Infinity]) {
      const pMiss = t.filter((s) => s < th).length / t.length;
      const pFa = n.filter((s) => s >= th).length / n.length;
      best = Math.min(best, (0.01 * pMiss + 0.99 * pFa) / 0.01);
    }
    expect(j.metrics.minDcf.value).toBeCloseTo(best, 9);
  });

  it('serves a repeated run from the embedding cache, with human output and progress on stderr', async () => {
    const file = trials('mixed.txt', MIXED);
    const r = await cli('eval', '--trials', file, '--model', modelId);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Files\s+9: 7 from cache, 0 embedded, 2 failed/);
    expect(r.out).toMatch(/EER\s+\d+\.\d\d %/);
    expect(r.out).toContain('line 14: audio-error (AUDIO_NOT_AUDIO)');
    expect(r.out).toMatch(/Cllr\s+n\/a/);
    expect(r.err).toMatch(/files embedded 9 \/ 9/);
  });

  it('keeps a clip with little speech but names it as unreliable', async () => {
    const file = trials('short.txt', ['1 a1.wav a2.wav', '0 short.wav a1.wav']);
    const r = await cli('--json', 'eval', '--trials', file, '--model', modelId);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as EvalJson & { shortSpeech: { file: string; speechSeconds: number }[] };
    expect(j.counts).toMatchObject({ target: 1, nonTarget: 1, skipped: 0 });
    expect(j.shortSpeech.map((x) => path.basename(x.file))).toEqual(['short.wav']);
    expect(j.notes.join(' ')).toMatch(/under 2 s of speech.*short\.wav/);
  });

  it('refuses a list left with one class, after showing the skipped lines', async () => {
    const file = trials('one-class.txt', ['1 a1.wav a2.wav', '1 b1.wav b2.wav', '0 a1.wav gone.wav']);
    const r = await cli('eval', '--trials', file, '--model', modelId);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error SCORING_ONE_CLASS');
    expect(r.err).toContain('line 3: missing-file');
  });

  it('refuses a list with no usable trials, a missing list, and a missing --trials', async () => {
    const empty = trials('empty.txt', ['# nothing here', '', '1 gone.wav a1.wav']);
    const r = await cli('eval', '--trials', empty, '--model', modelId);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error SCORING_NO_TRIALS');
    const missing = await cli('eval', '--trials', path.join(work, 'nope.txt'), '--model', modelId);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('error SCORING_TRIAL_FILE_UNREADABLE');
    expect((await cli('eval')).code).toBe(2);
  });
});

describe('seimon calibrate', () => {
  it('stores the fitted calibration with an audit entry, and eval then reports Cllr and a Tippett plot', async () => {
    const file = trials('mixed.txt', MIXED);
    const r = await cli('--json', 'calibrate', '--trials', file, '--model', modelId);
    // The fixture model is random but deterministic, and on these voices it ranks same above different.
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { calibration: { a: number; b: number; scoreKind: string }; cllrBefore: number | null; cllrAfter: number; minCllr: number; nTarget: number; nNonTarget: number };
    expect(j).toMatchObject({ nTarget: 3, nNonTarget: 4, cllrBefore: null, calibration: { scoreKind: 'raw-cosine' } });
    expect(j.calibration.a).toBeGreaterThan(0);
    expect(j.cllrAfter).toBeGreaterThanOrEqual(j.minCllr - 1e-9);

    const ctx = openCore(dataDir, 'test');
    try {
      const stored = getModelRecord(ctx.db, modelId).calibration as { a: number; b: number; bandRates: { key: string; falseMatchRate: number; missRate: number }[]; bandRatesBasis: string };
      expect(stored).toMatchObject({ a: j.calibration.a, b: j.calibration.b });
      // Error rates at each band's threshold are kept with the calibration, said to be in-sample.
      expect(stored.bandRates.map((b) => b.key)).toEqual(['very-high', 'high', 'moderate']);
      for (const b of stored.bandRates) {
        expect(b.falseMatchRate).toBeGreaterThanOrEqual(0);
        expect(b.falseMatchRate).toBeLessThanOrEqual(1);
      }
      expect(stored.bandRatesBasis).toMatch(/in-sample/);
      const entry = listAudit(ctx.db, { objectId: modelId }).filter((e) => e.action === 'model.calibrate').find((e) => e.details.a === j.calibration.a);
      expect(entry?.details).toMatchObject({ nTarget: 3, nNonTarget: 4, a: j.calibration.a });
      expect(entry?.details.sha256).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      closeCore(ctx);
    }

    const plots = path.join(work, 'plots-cal');
    const e = await cli('--json', 'eval', '--trials', file, '--model', modelId, '--plots', plots);
    expect(e.code, e.err).toBe(0);
    const ej = JSON.parse(e.out) as EvalJson;
    expect(ej.model.calibrated).toBe(true);
    expect(ej.metrics.cllr).toBeCloseTo(j.cllrAfter, 9);
    expect(fs.existsSync(path.join(plots, 'tippett.png'))).toBe(true);

    const human = await cli('calibrate', '--trials', file, '--model', modelId);
    expect(human.out).toMatch(/a = [\d.]+, b = -?[\d.]+/);
    expect(human.out).toMatch(/Cllr before\s+[\d.]+ bits \(previous calibration\)/);
    expect(human.out).toContain('in-sample');
  });

  it('refuses to calibrate on one class', async () => {
    const file = trials('one-class-cal.txt', ['1 a1.wav a2.wav', '1 b1.wav b2.wav']);
    const r = await cli('calibrate', '--trials', file, '--model', modelId);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error SCORING_ONE_CLASS');
  });
});
