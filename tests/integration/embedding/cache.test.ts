import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/core/context.js';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { encodeWavPcm16 } from '../../../src/audio/wav-writer.js';
import { embedFileCached } from '../../../src/embedding/cached.js';
import { Embedder } from '../../../src/embedding/embedder.js';
import { loadSpeechAudio } from '../../../src/audio/pipeline.js';
import { REPO_ROOT, SPEECH_DIR, freshDataDir, hasShared } from '../../helpers/paths.js';

const MODEL = path.join(REPO_ROOT, 'fixtures', 'models', 'good-3dspeaker.onnx');
const SHA = 'a'.repeat(64);
let ctx: CoreContext;
let embedder: Embedder;
let work: string;

beforeAll(async () => {
  ctx = openCore(freshDataDir('seimon-cache'), 'test');
  embedder = new Embedder({ id: 'fixture', sha256: SHA, path: MODEL, preset: '3dspeaker', inputName: 'feats', outputName: 'embs', windowSeconds: 3, hopSeconds: 1.5 }, { workers: 1 });
  work = freshDataDir('seimon-cache-files');
});
afterAll(async () => {
  await embedder.close();
  closeCore(ctx);
});

const rows = () => (ctx.db.prepare('SELECT COUNT(*) AS n FROM embeddings').get() as { n: number }).n;

describe('embedding cache keyed by (file SHA-256, model SHA-256, window hop)', () => {
  it('stores nothing for audio without speech and says why', async () => {
    const silent = path.join(work, 'silence.wav');
    fs.writeFileSync(silent, encodeWavPcm16(new Float32Array(16000 * 3), 16000));
    await expect(embedFileCached(ctx, embedder, silent, 'timeline')).rejects.toMatchObject({ code: expect.stringMatching(/^AUDIO_/) });
    expect(rows()).toBe(0);
  });

  it.skipIf(!hasShared)('stores a real recording once, with the model hash, and serves it from the cache after', async () => {
    const dir = path.join(SPEECH_DIR, 'librispeech-train-clean-100-1utt', '103');
    const flac = path.join(dir, fs.readdirSync(dir)[0] ?? '');
    const { samples } = await loadSpeechAudio(flac);
    const wav = path.join(work, 'speech.wav');
    fs.writeFileSync(wav, encodeWavPcm16(samples, 16000));
    const first = await embedFileCached(ctx, embedder, wav, 'timeline');
    expect(first.cached).toBe(false);
    expect(first.modelSha256).toBe(SHA);
    expect(first.windows.length).toBeGreaterThan(3);
    const second = await embedFileCached(ctx, embedder, wav, 'timeline');
    expect(second.cached).toBe(true);
    expect(Array.from(second.vector)).toEqual(Array.from(first.vector));
    expect(second.windows[1]?.embedding.length).toBe(16);
    expect(rows()).toBe(1);
  });

  it.skipIf(!hasShared)('embeds the same file for scoring with tiled windows, stored beside its timeline windows', async () => {
    const wav = path.join(work, 'speech.wav');
    const timeline = await embedFileCached(ctx, embedder, wav, 'timeline');
    const scoring = await embedFileCached(ctx, embedder, wav, 'score');
    expect(timeline.cached).toBe(true);
    expect(scoring.cached).toBe(false);
    expect(scoring.hopSeconds).toBe(3);
    expect(timeline.hopSeconds).toBe(1.5);
    // Tiled: each window starts where the one before ends (the last may overlap to reach the end of speech).
    const starts = scoring.windows.map((w) => w.start);
    expect(scoring.windows.length).toBeLessThan(timeline.windows.length * 0.65);
    for (let i = 1; i < starts.length - 1; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(3 - 1e-6);
    expect((await embedFileCached(ctx, embedder, wav, 'score')).cached).toBe(true);
    expect(rows()).toBe(2);
  });
});
