/**
 * The population check and the one scoring path on real speech with the starter model: 22 LibriSpeech
 * performers (two references each: thirds of one utterance) and one with a single reference, enrolled
 * through the handler map; a screening run; then
 * - the population check's trial counts and rates;
 * - `seimon compare A B` and the workbench's comparison of the same performer and suspect agree;
 * - `seimon eval --scoring app` reports an EER that an independent recomputation from --scores matches.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpeechAudio } from '../../../src/audio/pipeline.js';
import { encodeWavPcm16 } from '../../../src/audio/wav-writer.js';
import { runCli } from '../../../src/cli/main.js';
import type { CoreContext } from '../../../src/core/context.js';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { REPO_ROOT, SHARED_SKIP_MESSAGE, SPEECH_DIR, freshDataDir, hasShared } from '../../helpers/paths.js';
import { bytesOf, op, waitJob } from '../workbench/helpers.js';
import { unpack } from '../evidence/zip-tools.js';
import { exportEvidencePack } from '../../../src/evidence/pack/export.js';

// The shipped calibration and the rate it states at >= 90 % (models/starter/manifest.json)
const STARTER_CALIBRATION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'models', 'starter', 'manifest.json'), 'utf8')) as { calibration: { a: number; bandRates: { key: string; falseMatchRate: number }[] } }).calibration;
const STARTER_VERY_HIGH_FMR = STARTER_CALIBRATION.bandRates.find((b) => b.key === 'very-high')!.falseMatchRate;

const LIBRI = 'librispeech-train-clean-100-1utt';
const HELDOUT = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'models', 'training', 'heldout_speakers.json'), 'utf8')) as Record<string, string[]>)[LIBRI] ?? [];
const N = 22;

if (!hasShared) console.warn(`[population-real] ${SHARED_SKIP_MESSAGE}`);

/** ROC convex-hull EER written independently of src/scoring: all operating points, lower hull, crossing. */
function independentEer(targets: number[], nonTargets: number[]): number {
  const thresholds = [...new Set([...targets, ...nonTargets])].sort((a, b) => a - b);
  const pts: [number, number][] = [[1, 0]]; // (pFa, pMiss) at threshold -inf
  for (const t of thresholds) pts.push([nonTargets.filter((x) => x > t).length / nonTargets.length, targets.filter((x) => x <= t).length / targets.length]);
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const hull: [number, number][] = [];
  for (const p of pts) {
    while (hull.length >= 2) {
      const [o, a] = [hull[hull.length - 2]!, hull[hull.length - 1]!];
      if ((a[0] - o[0]) * (p[1] - o[1]) - (a[1] - o[1]) * (p[0] - o[0]) <= 0) hull.pop();
      else break;
    }
    hull.push(p);
  }
  for (let k = 1; k < hull.length; k++) {
    const [a, b] = [hull[k - 1]!, hull[k]!];
    const da = a[1] - a[0];
    const db = b[1] - b[0];
    if (da >= 0 && db <= 0) return da === db ? a[0] : a[0] + (da / (da - db)) * (b[0] - a[0]);
  }
  return 0.5;
}

describe.skipIf(!hasShared)('population check and one scoring path (real speech, starter model)', () => {
  const dataDir = freshDataDir('seimon-pop-real');
  const work = freshDataDir('seimon-pop-real-clips');
  const pieces = new Map<string, string[]>();
  const ids = { solo: '', suspect: '', soloFile: '', clipFile: '' };
  let ctx: CoreContext;

  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runCli(['--data-dir', dataDir, '--json', ...args], { stdout: (s) => (out += s), stderr: (s) => (err += s) });
    return { code, out, err };
  }

  beforeAll(async () => {
    for (const spk of HELDOUT.slice(0, N + 2)) {
      const dir = path.join(SPEECH_DIR, LIBRI, spk);
      const file = fs.readdirSync(dir).find((f) => f.endsWith('.flac'));
      if (!file) continue;
      const { samples } = await loadSpeechAudio(path.join(dir, file));
      const third = Math.floor(samples.length / 3);
      pieces.set(
        spk,
        [0, 1, 2].map((k) => {
          const out = path.join(work, `${spk}-${k}.wav`);
          fs.writeFileSync(out, encodeWavPcm16(samples.subarray(k * third, (k + 1) * third), 16000));
          return out;
        }),
      );
    }
    ctx = openCore(dataDir, 'test');
    const speakers = [...pieces.keys()];
    for (const spk of speakers.slice(0, N)) {
      const p = await op(ctx, 'performers.create', { name: `LS ${spk}` });
      for (const f of pieces.get(spk)!.slice(0, 2)) await op(ctx, 'references.import', { performerId: p.id, name: path.basename(f), bytes: bytesOf(f) });
    }
    // One more performer with a single reference: the file `seimon compare` is given as A.
    const soloSpk = speakers[N]!;
    const solo = await op(ctx, 'performers.create', { name: `LS ${soloSpk} (one reference)` });
    ids.solo = solo.id;
    ids.soloFile = pieces.get(soloSpk)![0]!;
    await op(ctx, 'references.import', { performerId: solo.id, name: 'solo.wav', bytes: bytesOf(ids.soloFile) });
    const s = await op(ctx, 'suspects.create', { kind: 'clip', label: 'clip of the solo speaker' });
    ids.suspect = s.id;
    ids.clipFile = pieces.get(soloSpk)![2]!;
    await op(ctx, 'suspects.importClip', { suspectId: s.id, name: 'clip.wav', bytes: bytesOf(ids.clipFile) });
    const job = await op(ctx, 'screening.start', {});
    expect((await waitJob(ctx, job.id)).state).toBe('done');
  }, 300_000);
  afterAll(() => ctx && closeCore(ctx));

  it('reports the population check with its trial counts and rates, stored with the model and enrolment', async () => {
    const p = await op(ctx, 'population.get', {});
    const c = p.check!;
    expect(p.upToDate).toBe(true);
    expect(c.performers).toBe(N + 1);
    expect(c.multiReference).toBe(N);
    // Leave-one-out: 2 targets per two-reference performer (+ a same-session one for the solo performer if it has 2 windows).
    expect(c.targetTrials - c.sameSessionTargets).toBe(2 * N);
    // Each voiceprint against every reference of the others: 2N + 1 references in all.
    expect(c.nonTargetTrials).toBe(N * (2 * N + 1 - 2) + (2 * N + 1 - 1));
    expect(c.modelSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(c.enrolmentKey).toMatch(/^[0-9a-f]{64}$/);
    expect(c.eer).toBeGreaterThanOrEqual(0);
    expect(c.eer).toBeLessThan(0.3);
    expect(c.cllr).not.toBeNull();
    const veryHigh = c.bands.find((b) => b.key === 'very-high')!;
    // the stated rate is the one measured with the shipped calibration (models/starter/manifest.json)
    expect(veryHigh.statedFalseMatchRate).toBeCloseTo(STARTER_VERY_HIGH_FMR, 4);
    expect(veryHigh.falseMatchRate).toBeGreaterThanOrEqual(0);
    expect(c.cohort).toMatchObject({ performers: N + 1, shippedRows: 0 });
    console.log(`[population-real] ${c.performers} performers, ${c.targetTrials} targets, ${c.nonTargetTrials} non-targets, EER ${(100 * (c.eer ?? 0)).toFixed(2)} %, FMR@90 ${(100 * veryHigh.falseMatchRate).toFixed(2)} %, withheld ${c.withheld}`);
    // The screening carries the same figures, and withholds every band exactly when the check does.
    const run = await op(ctx, 'screening.latest', {});
    expect(run?.population?.performers).toBe(N + 1);
    expect(run?.population?.withheld).toBe(c.withheld);
    expect(run?.population?.languageMismatch).toEqual({ performers: ['ja'], model: ['en'] });
    for (const m of run?.matches ?? []) expect(m.band === 'withheld').toBe(c.withheld !== null);
  });

  it('`seimon compare` and the workbench comparison give the same score through one scorer', async () => {
    const wb = await op(ctx, 'compare.get', { performerId: ids.solo, suspectId: ids.suspect, lang: 'en' });
    closeCore(ctx);
    const r = await cli('compare', ids.soloFile, ids.clipFile);
    ctx = openCore(dataDir, 'test');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { cosine: number; asNorm: number | null; llr: number | null; percent: number | null; band: string };
    expect(j.cosine).toBeCloseTo(wb.overall.rawCosine, 5);
    expect(j.asNorm).toBeCloseTo(wb.overall.normalized ?? Number.NaN, 3);
    expect(j.band).toBe(wb.overall.band);
    if (wb.overall.percent === null) expect(j.percent).toBeNull();
    else expect(j.percent).toBeCloseTo(wb.overall.percent, 2);
    // `seimon screen` prints the population check under its table.
    let out = '';
    expect(await runCli(['--data-dir', dataDir, 'screen'], { stdout: (x) => (out += x), stderr: () => undefined })).toBe(0);
    expect(out).toContain(`Population check: ${N + 1} performers`);
    expect(out).toMatch(new RegExp(`>= 90 % \\(very-high\\): false matches [\\d.]+ % measured, ${(100 * STARTER_VERY_HIGH_FMR).toFixed(2).replace('.', '\\.')} % stated`));
  });

  it("the evidence report's population section prints this installation's check (23 performers)", async () => {
    await op(ctx, 'evidence.updateSettings', { examiner: { name: '山田 鑑定', role: '権利保護担当' } });
    const c = await op(ctx, 'cases.create', { performerIds: [ids.solo], suspectIds: [ids.suspect] });
    const out = path.join(work, 'pack.zip');
    await exportEvidencePack(ctx, { caseId: c.id, out, lang: 'en', audience: 'recipient', includeReferenceAudio: false });
    const html = Buffer.from(unpack(out).find((e) => e.name === 'report.html')!.source as Uint8Array).toString();
    expect(html).toContain('Figures from the population check on this installation&#39;s performers');
    expect(html).toContain('the 23 enrolled performers');
  });

  it('`seimon eval --scoring app` reports an EER that an independent recomputation from --scores matches', async () => {
    const speakers = [...pieces.keys()].slice(0, N);
    const lines: string[] = [];
    speakers.forEach((spk, i) => {
      const [a, b] = pieces.get(spk)!;
      lines.push(`1 ${a} ${b}`);
      for (const other of [speakers[(i + 1) % N]!, speakers[(i + 5) % N]!]) lines.push(`0 ${a} ${pieces.get(other)![1]}`);
    });
    const trials = path.join(work, 'trials.txt');
    fs.writeFileSync(trials, lines.join('\n') + '\n');
    const scores = path.join(work, 'scores.txt');
    closeCore(ctx);
    const r = await cli('eval', '--trials', trials, '--scoring', 'app', '--scores', scores);
    const raw = await cli('eval', '--trials', trials);
    ctx = openCore(dataDir, 'test');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { scoring: string; metrics: { eer: number; nTarget: number; cllr: number | null }; bands: { key: string; falseMatchRate: number; missRate: number }[]; cohortSource: string };
    expect(j.scoring).toBe('app');
    expect(j.cohortSource).toContain(`${N + 1} performers`);
    expect(j.metrics.nTarget).toBe(N);
    expect(j.bands.map((b) => b.key)).toEqual(['very-high', 'high', 'moderate']);
    const rows = fs.readFileSync(scores, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(' '));
    expect(rows.every((x) => x.length === 7)).toBe(true);
    const t = rows.filter((x) => x[0] === '1').map((x) => Number(x[3]));
    const n = rows.filter((x) => x[0] === '0').map((x) => Number(x[3]));
    expect(j.metrics.eer).toBeCloseTo(independentEer(t, n), 9);
    // The LLR column is what the bands were read from: recompute the >= 90 % false-match rate from it.
    const llrN = rows.filter((x) => x[0] === '0').map((x) => Number(x[4]));
    expect(j.bands[0]!.falseMatchRate).toBeCloseTo(llrN.filter((x) => x >= Math.log(9) - 1e-9).length / llrN.length, 9);
    // Percent column = 100 x LR / (1 + LR).
    for (const x of rows.slice(0, 5)) expect(Number(x[5])).toBeCloseTo(100 / (1 + Math.exp(-Number(x[4]))), 6);
    // Raw cosine stays the default, labelled as such.
    expect(raw.code, raw.err).toBe(0);
    expect((JSON.parse(raw.out) as { scoring: string }).scoring).toBe('raw-cosine');
  });

  it('`seimon calibrate --population` needs consent, refits on the check, keeps the previous calibration and audits it', async () => {
    closeCore(ctx);
    const refused = await cli('calibrate', '--population');
    const r = await cli('calibrate', '--population', '--yes');
    ctx = openCore(dataDir, 'test');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--yes');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { calibration: { a: number; scoreKind: string; source: string; bandRatesBasis: string }; before: { targetTrials: number }; after: { targetTrials: number; cllr: number; withheld: string | null }; warnings: string[] };
    expect(j.calibration).toMatchObject({ scoreKind: 'as-norm', source: 'population' });
    expect(j.calibration.a).toBeGreaterThan(0);
    expect(j.calibration.bandRatesBasis).toContain('in-sample');
    expect(j.after.targetTrials).toBe(j.before.targetTrials);
    expect(j.warnings.join(' ')).toContain('optimistic');
    const kept = ctx.db.prepare('SELECT calibration FROM calibration_history').all() as { calibration: string }[];
    expect(kept).toHaveLength(1);
    expect(JSON.parse(kept[0]!.calibration)).toMatchObject({ a: STARTER_CALIBRATION.a, scoreKind: 'as-norm' });
    const audit = ctx.db.prepare("SELECT actor, details FROM audit_log WHERE action = 'model.calibrate.population'").all() as { actor: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('cli');
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ performers: N + 1, enrolmentKey: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The stored check now compares against the new (in-sample) stated rates.
    const p = await op(ctx, 'population.get', {});
    expect(p.upToDate).toBe(true);
    const vh = p.check?.bands.find((b) => b.key === 'very-high');
    expect(vh?.statedFalseMatchRate).toBeCloseTo(vh?.falseMatchRate ?? -1, 12);
  });
});
