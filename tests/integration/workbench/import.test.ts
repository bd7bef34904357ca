/** Content store and import: hashing, duplicates, corrupt files, quality report and audit entries. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/core/context.js';
import { closeCore } from '../../../src/store/open-core.js';
import { listAudit, verifyAuditChain } from '../../../src/store/audit.js';
import { audioDir, contentPath } from '../../../src/store/content.js';
import { freshDataDir } from '../../helpers/paths.js';
import { loadSpeechAudio } from '../../../src/audio/pipeline.js';
import { encodeWavPcm16 } from '../../../src/audio/wav-writer.js';
import { LINES, bytesOf, corruptFile, fixtureCore, hasEspeak, op, opError, speech, withoutBundledModels } from './helpers.js';

let ctx: CoreContext;
let work: string;

beforeAll(async () => {
  withoutBundledModels();
  ctx = await fixtureCore('seimon-import');
  work = freshDataDir('seimon-import-files');
});
afterAll(() => closeCore(ctx));

const filesInStore = () =>
  fs.existsSync(audioDir(ctx.dataDir)) ? fs.readdirSync(audioDir(ctx.dataDir), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0;

describe.skipIf(!hasEspeak)('importing references', () => {
  it('stores the file under its SHA-256 with a quality report, flags a short reference as weak, and audits it', async () => {
    const p = await op(ctx, 'performers.create', { name: '山田 花子', kana: 'やまだ はなこ', consent: { allowedUses: [], statedOn: '2025-01-31', source: 'agency notice' } });
    const file = speech(work, 'short.wav', LINES[0] ?? '');
    const { recording, duplicate } = await op(ctx, 'references.import', { performerId: p.id, name: 'short.wav', bytes: bytesOf(file) });
    expect(duplicate).toBe(false);
    const stored = contentPath(ctx.dataDir, recording.sha256);
    expect(fs.readFileSync(stored).equals(fs.readFileSync(file))).toBe(true);
    expect(path.basename(path.dirname(stored))).toBe(recording.sha256.slice(0, 2));
    expect(recording).toMatchObject({ originalName: 'short.wav', role: 'reference', ownerId: p.id, container: 'wav' });
    expect(recording.quality.speechSeconds).toBeGreaterThan(1);
    expect(recording.weakReasons).toContain('little-speech');
    const entry = listAudit(ctx.db, { objectId: recording.id })[0];
    expect(entry).toMatchObject({ action: 'reference.import', details: { sha256: recording.sha256 } });
    const detail = await op(ctx, 'performers.get', { id: p.id });
    expect(detail.referenceCount).toBe(1);
    expect(detail.consent).toEqual({ allowedUses: [], statedOn: '2025-01-31', source: 'agency notice' });
  });

  it('treats the same bytes again as a duplicate: no new row, no new file', async () => {
    const p = (await op(ctx, 'performers.list', {}))[0]!;
    const before = filesInStore();
    const r = await op(ctx, 'references.import', { performerId: p.id, name: 'again.wav', bytes: bytesOf(path.join(work, 'short.wav')) });
    expect(r.duplicate).toBe(true);
    expect(filesInStore()).toBe(before);
    expect((await op(ctx, 'performers.get', { id: p.id })).references).toHaveLength(1);
  });

  it('refuses a non-audio file with its AUDIO_* code and leaves nothing behind', async () => {
    const p = (await op(ctx, 'performers.list', {}))[0]!;
    const audits = listAudit(ctx.db).length;
    const before = filesInStore();
    const code = await opError(ctx, 'references.import', { performerId: p.id, name: 'notes.wav', bytes: bytesOf(corruptFile(work)) });
    expect(code).toBe('AUDIO_NOT_AUDIO');
    expect(filesInStore()).toBe(before);
    expect(listAudit(ctx.db)).toHaveLength(audits);
    expect((await op(ctx, 'performers.get', { id: p.id })).referenceCount).toBe(1);
  });

  it('refuses a 0.4 s reference (too short to count in a voiceprint) with AUDIO_TOO_SHORT and keeps nothing, but takes it as a suspect clip', async () => {
    const p = (await op(ctx, 'performers.list', {}))[0]!;
    const { samples, sampleRate } = await loadSpeechAudio(path.join(work, 'short.wav'));
    const tiny = path.join(work, 'tiny.wav');
    fs.writeFileSync(tiny, encodeWavPcm16(samples.subarray(Math.round(0.3 * sampleRate), Math.round(0.7 * sampleRate)), sampleRate));
    const before = filesInStore();
    const audits = listAudit(ctx.db).length;
    expect(await opError(ctx, 'references.import', { performerId: p.id, name: 'tiny.wav', bytes: bytesOf(tiny) })).toBe('AUDIO_TOO_SHORT');
    expect(filesInStore()).toBe(before);
    expect(listAudit(ctx.db)).toHaveLength(audits);
    expect((await op(ctx, 'performers.get', { id: p.id })).referenceCount).toBe(1);
    const s = await op(ctx, 'suspects.create', { kind: 'clip', label: 'short clip', platform: 'YouTube' });
    const clip = await op(ctx, 'suspects.importClip', { suspectId: s.id, name: 'tiny.wav', bytes: bytesOf(tiny) });
    expect(clip.recording.quality.warnings.map((w) => w.code)).toContain('AUDIO_TOO_SHORT');
    await op(ctx, 'suspects.remove', { id: s.id });
  });

  it('refuses a path as a file name', async () => {
    const p = (await op(ctx, 'performers.list', {}))[0]!;
    expect(await opError(ctx, 'references.import', { performerId: p.id, name: '../../etc/passwd', bytes: new Uint8Array([1]) })).toBe('INVALID_INPUT');
  });

  it('removes a recording, and its file once nothing names it', async () => {
    const p = (await op(ctx, 'performers.list', {}))[0]!;
    const rec = (await op(ctx, 'performers.get', { id: p.id })).references[0]!;
    await op(ctx, 'recordings.remove', { id: rec.id });
    expect(fs.existsSync(contentPath(ctx.dataDir, rec.sha256))).toBe(false);
    expect(listAudit(ctx.db).at(-1)).toMatchObject({ action: 'recording.remove', details: { sha256: rec.sha256 } });
    expect(verifyAuditChain(ctx.db).ok).toBe(true);
  });
});
