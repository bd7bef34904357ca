/**
 * Enrollment, suspects, the screening job (progress, cancel, resume), CSV export, the comparison view,
 * audio views, settings and model operations, on the small fixture model with synthesised speech.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/core/context.js';
import { closeCore } from '../../../src/store/open-core.js';
import { listAudit } from '../../../src/store/audit.js';
import { freshDataDir } from '../../helpers/paths.js';
import { FIXTURE_MODEL, LINES, bytesOf, fixtureCore, hasEspeak, op, opError, speech, waitJob, withoutBundledModels } from './helpers.js';

let ctx: CoreContext;
let work: string;
const ids = { a: '', b: '', suspect: '', clip: '' };
const embeddingRows = () => (ctx.db.prepare('SELECT COUNT(*) AS n FROM embeddings').get() as { n: number }).n;

beforeAll(async () => {
  withoutBundledModels();
  ctx = await fixtureCore('seimon-screen');
  work = freshDataDir('seimon-screen-files');
});
afterAll(() => closeCore(ctx));

describe.skipIf(!hasEspeak)('workbench flow on the fixture model', () => {
  it('enrolls two performers and registers a suspect with provenance', async () => {
    for (const [key, voice] of [['a', 'en'], ['b', 'en+f3']] as const) {
      const p = await op(ctx, 'performers.create', { name: `Performer ${key}` });
      ids[key] = p.id;
      for (const [i, line] of LINES.slice(0, 2).entries()) {
        await op(ctx, 'references.import', { performerId: p.id, name: `${key}${i}.wav`, bytes: bytesOf(speech(work, `${key}${i}.wav`, line, voice)) });
      }
      const vp = await op(ctx, 'performers.enroll', { id: p.id });
      expect(vp).toMatchObject({ references: 2, stale: false });
      expect(vp.windows).toBeGreaterThan(0);
    }
    const s = await op(ctx, 'suspects.create', { kind: 'voice_model', label: 'Voice "A", copy', service: 'VoiceHub', url: 'https://example.com/v/1' });
    ids.suspect = s.id;
    const clip = await op(ctx, 'suspects.importClip', { suspectId: s.id, name: 'sample.wav', bytes: bytesOf(speech(work, 'sample.wav', LINES[2] ?? '', 'en')) });
    ids.clip = clip.recording.id;
    const got = await op(ctx, 'suspects.get', { id: s.id });
    expect(got.clips).toHaveLength(1);
    expect(listAudit(ctx.db, { objectId: clip.recording.id })[0]?.details).toMatchObject({ sha256: clip.recording.sha256, provenance: { service: 'VoiceHub' } });
    expect(listAudit(ctx.db).filter((e) => e.action === 'performer.enroll')[0]?.details).toMatchObject({ modelSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('marks a voiceprint stale when references change', async () => {
    const extra = await op(ctx, 'references.import', { performerId: ids.a, name: 'a9.wav', bytes: bytesOf(speech(work, 'a9.wav', LINES[3] ?? '', 'en')) });
    expect((await op(ctx, 'performers.get', { id: ids.a })).voiceprints[0]?.stale).toBe(true);
    await op(ctx, 'recordings.remove', { id: extra.recording.id });
    expect((await op(ctx, 'performers.get', { id: ids.a })).voiceprints[0]?.stale).toBe(false);
  });

  it('cancels a screening job', async () => {
    const job = await op(ctx, 'screening.start', {});
    expect(job).toMatchObject({ kind: 'screening', state: 'running' });
    await op(ctx, 'jobs.cancel', { id: job.id });
    const end = await waitJob(ctx, job.id);
    expect(end.state).toBe('cancelled');
    expect(await op(ctx, 'screening.latest', {})).toBeNull();
  });

  it('screens in the background with progress, and a second run reuses every embedding', async () => {
    const job = await op(ctx, 'screening.start', {});
    expect(job.state).toBe('running');
    const mid = await op(ctx, 'jobs.status', { id: job.id }); // answered while the job runs
    expect(mid.id).toBe(job.id);
    const end = await waitJob(ctx, job.id);
    // Progress counts recordings (every reference and every clip), not people.
    const recordings =
      (await op(ctx, 'performers.list', {})).reduce((n, p) => n + p.referenceCount, 0) +
      (await op(ctx, 'suspects.list', {})).reduce((n, s) => n + s.clips.length, 0);
    expect(end).toMatchObject({ state: 'done', done: recordings, total: recordings, error: null });
    expect(await op(ctx, 'screening.current', {})).toMatchObject({ id: job.id, state: 'done' });
    const run = await op(ctx, 'screening.latest', {});
    expect(run?.id).toBe(end.resultId);
    expect(run?.matches).toHaveLength(2);
    expect(run?.matches.map((m) => m.rank)).toEqual([1, 2]);
    expect(run?.matches[0]).toMatchObject({ suspectId: ids.suspect, band: 'uncalibrated', llr: null, percent: null });
    expect(run?.model.calibrated).toBe(false);
    expect(listAudit(ctx.db).filter((e) => e.action === 'screening.run')).toHaveLength(1);

    const rows = embeddingRows();
    const again = await waitJob(ctx, (await op(ctx, 'screening.start', {})).id);
    expect(again.state).toBe('done');
    expect(embeddingRows()).toBe(rows);
  });

  it('exports CSV with quoted fields, model id and SHA-256 on every row', async () => {
    const run = (await op(ctx, 'screening.latest', {}))!;
    const csv = await op(ctx, 'screening.csv', { runId: run.id, lang: 'ja' });
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toContain('"順位"');
    expect(lines).toHaveLength(3);
    for (const l of lines.slice(1)) {
      expect(l).toContain('"Voice ""A"", copy"');
      expect(l).toContain(`"${run.model.sha256}"`);
      expect(l).toContain(`"${run.model.id}"`);
    }
    const en = await op(ctx, 'screening.csv', { runId: run.id, lang: 'en' });
    // The header words are the screen's column names, in each language.
    expect(lines[0]).toBe('"順位","疑わしい音声ID","疑わしい音声","サービス／プラットフォーム","出演者ID","出演者","類似度(%)","判定","対数尤度比(LLR)","AS-norm","コサイン","モデルID","モデルSHA-256","スクリーニングID"');
    expect(en).toContain('"Rank","Suspect ID","Suspect","Service / platform","Performer ID","Performer","Similarity (%)","Verdict"');
  });

  it('compares a performer and a suspect: timeline, recordings and caveats', async () => {
    const c = await op(ctx, 'compare.get', { performerId: ids.a, suspectId: ids.suspect, lang: 'en' });
    expect(c.suspectRecordingId).toBe(ids.clip);
    expect(c.timeline.length).toBeGreaterThan(0);
    expect(c.timeline[0]).toMatchObject({ band: 'uncalibrated', percent: null });
    expect(c.overall.rawCosine).toBeGreaterThan(-1);
    expect(c.meaning).toMatch(/raw cosine/);
    expect(c.caveats.join(' ')).toMatch(/not calibrated/);
    expect(c.regionScore).toBe('rawCosine');
    const ja = await op(ctx, 'compare.get', { performerId: ids.a, suspectId: ids.suspect, lang: 'ja' });
    expect(ja.definition).toMatch(/類似度/);
  });

  it('scores every clip against every reference, and shows the chosen pair; a recording of someone else is NOT_FOUND', async () => {
    const c = await op(ctx, 'compare.get', { performerId: ids.a, suspectId: ids.suspect, lang: 'en' });
    expect(c.pairs).toHaveLength(c.clips.length * c.references.length);
    expect(c.references.length).toBeGreaterThan(1);
    for (const p of c.pairs) expect(p.rawCosine).toBeGreaterThanOrEqual(-1);
    // Pairs differ by reference: each one-to-one score is its own, not the voiceprint's.
    expect(new Set(c.pairs.map((p) => p.rawCosine.toFixed(6))).size).toBe(c.pairs.length);
    expect(c.windowSeconds).toBeGreaterThan(0);
    const other = c.references.find((r) => r.id !== c.referenceRecordingId)!;
    const chosen = await op(ctx, 'compare.get', { performerId: ids.a, suspectId: ids.suspect, lang: 'en', suspectRecordingId: ids.clip, referenceRecordingId: other.id });
    expect(chosen).toMatchObject({ suspectRecordingId: ids.clip, referenceRecordingId: other.id });
    expect(chosen.overall.rawCosine).toBeCloseTo(c.overall.rawCosine, 6); // the overall score does not depend on the pair shown
    const b = (await op(ctx, 'performers.get', { id: ids.b })).references[0]!;
    expect(await opError(ctx, 'compare.get', { performerId: ids.a, suspectId: ids.suspect, lang: 'en', referenceRecordingId: b.id })).toBe('NOT_FOUND');
    expect(await opError(ctx, 'compare.get', { performerId: ids.a, suspectId: ids.suspect, lang: 'en', suspectRecordingId: b.id })).toBe('NOT_FOUND');
    expect(await opError(ctx, 'compare.get', { performerId: ids.a, suspectId: ids.suspect, lang: 'en', suspectRecordingId: '../etc' })).toBe('INVALID_INPUT');
  });

  it("places a score among the population check's same- and different-speaker scores", async () => {
    const pop = await op(ctx, 'population.get', {});
    const c = await op(ctx, 'compare.get', { performerId: ids.a, suspectId: ids.suspect, lang: 'en' });
    const score = c.overall.normalized ?? c.overall.rawCosine;
    const d = await op(ctx, 'compare.distribution', { score });
    expect(d).not.toBeNull();
    if (!d) return;
    // Every trial of the check is in the picture, each side once.
    expect(d.nonTarget.reduce((a, b) => a + b, 0)).toBe(d.nonTargetTrials);
    expect(d.target.reduce((a, b) => a + b, 0)).toBe(d.targetTrials);
    expect(d.nonTargetTrials).toBe(pop.check?.nonTargetTrials);
    expect(d.targetTrials).toBe(pop.check?.targetTrials);
    expect(d.score).toBe(score);
    // Far above every trial: no different-speaker pair reaches it, every same-speaker pair is below it.
    const top = await op(ctx, 'compare.distribution', { score: 999 });
    expect(top).toMatchObject({ nonTargetsAtOrAbove: 0, targetsBelow: 1 });
    expect(await opError(ctx, 'compare.distribution', { score: Number.NaN })).toBe('INVALID_INPUT');
  });

  it('gives each performer its readiness: references, weak ones, speech and voiceprint state', async () => {
    const rows = await op(ctx, 'performers.overview', {});
    const a = rows.find((r) => r.performerId === ids.a)!;
    const detail = await op(ctx, 'performers.get', { id: ids.a });
    expect(a).toMatchObject({ references: detail.references.length, voiceprint: 'ready' });
    expect(a.speechSeconds).toBeCloseTo(detail.references.reduce((n, r) => n + r.quality.speechSeconds, 0), 6);
    expect(a.weakReferences).toBe(detail.references.filter((r) => r.weakReasons?.length).length);
  });

  it('serves waveform, spectrogram and playback WAV of a stored recording', async () => {
    const w = await op(ctx, 'audio.waveform', { recordingId: ids.clip, points: 100 });
    expect(w.peaks.length).toBeLessThanOrEqual(200);
    expect(w.peaks.length).toBeGreaterThan(150);
    expect(Math.max(...w.peaks)).toBeLessThanOrEqual(1);
    const s = await op(ctx, 'audio.spectrogram', { recordingId: ids.clip });
    expect(s.bins).toBe(80);
    expect(s.frames).toBeLessThanOrEqual(600);
    expect(s.values).toHaveLength(s.frames * s.bins);
    expect(Math.min(...s.values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...s.values)).toBeLessThanOrEqual(1);
    const wav = Buffer.from(await op(ctx, 'audio.wav', { recordingId: ids.clip }));
    expect(wav.toString('latin1', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(24)).toBe(16000);
    expect(wav.readUInt16LE(22)).toBe(1);
  });
});

describe('settings and models', () => {
  it('defaults the bands, refuses bad ones and stores good ones', async () => {
    expect((await op(ctx, 'settings.get', {})).bands[0]).toMatchObject({ key: 'very-high', minPercent: 90 });
    const bad = [
      { key: 'low', minPercent: 0, labelJa: '低', labelEn: 'low' },
      { key: 'high', minPercent: 80, labelJa: '高', labelEn: 'high' },
    ];
    expect(await opError(ctx, 'settings.update', { bands: bad })).toBe('SCORING_BANDS_INVALID');
    const good = [bad[1]!, bad[0]!];
    await op(ctx, 'settings.update', { bands: good });
    expect((await op(ctx, 'settings.get', {})).bands).toEqual(good);
  });

  it('imports a model from bytes and makes it the default', async () => {
    const m = await op(ctx, 'models.importFile', { name: 'copy.onnx', bytes: bytesOf(FIXTURE_MODEL), preset: '3dspeaker' });
    expect(m.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await op(ctx, 'models.setDefault', { id: m.id })).isDefault).toBe(true);
    expect(await opError(ctx, 'models.importFile', { name: 'x.onnx', bytes: new Uint8Array([1, 2, 3]) })).toMatch(/^MODEL_/);
  });

  it('reports an unknown job', async () => {
    expect(await opError(ctx, 'jobs.status', { id: 'job_0000000000' })).toBe('NOT_FOUND');
  });
});
