/**
 * The two window plans on real speech with the bundled starter (issue 19): scores come from windows that
 * tile the speech (hop = window), for references and suspect clips alike; a clip's timeline from
 * overlapped windows (the model's hop), computed when a comparison first draws it and cached beside the
 * scoring embedding.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpeechAudio } from '../../../src/audio/pipeline.js';
import { encodeWavPcm16 } from '../../../src/audio/wav-writer.js';
import { embedFile } from '../../../src/embedding/embed-file.js';
import { Embedder } from '../../../src/embedding/embedder.js';
import { cosine } from '../../../src/embedding/vectors.js';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { cliJson } from './helpers.js';
import { REPO_ROOT, SHARED_SKIP_MESSAGE, SPEECH_DIR, freshDataDir, hasShared } from '../../helpers/paths.js';

if (!hasShared) console.warn(`[window plan] ${SHARED_SKIP_MESSAGE}`);

const cli = cliJson;

/** A held-out speaker's whole utterance (10-20 s) as WAV. */
async function utterance(speaker: string, dir: string): Promise<string> {
  const src = path.join(SPEECH_DIR, 'librispeech-train-clean-100-1utt', speaker);
  const { samples } = await loadSpeechAudio(path.join(src, fs.readdirSync(src).find((f) => f.endsWith('.flac')) ?? ''));
  const out = path.join(dir, `${speaker}.wav`);
  fs.writeFileSync(out, encodeWavPcm16(samples, 16000));
  return out;
}

describe.skipIf(!hasShared)('window plans: scores from tiled windows, timelines from overlapped ones', () => {
  const dataDir = freshDataDir('seimon-window-plan');
  const d = ['--data-dir', dataDir, '--json'];
  let reference = '';
  let clip = '';

  beforeAll(async () => {
    delete process.env.SEIMON_BUNDLED_MODELS_DIR;
    const dir = freshDataDir('seimon-window-plan-audio');
    reference = await utterance('1992', dir);
    clip = await utterance('2391', dir);
  });

  const rows = () => {
    const ctx = openCore(dataDir, 'test');
    try {
      return (ctx.db.prepare('SELECT file_sha256 AS file, hop_seconds AS hop, windows FROM embeddings ORDER BY file_sha256, hop_seconds').all() as { file: string; hop: number; windows: string }[]).map((r) => ({
        ...r,
        windows: JSON.parse(r.windows) as { start: number; end: number; e: number[] }[],
      }));
    } finally {
      closeCore(ctx);
    }
  };
  const tiled = (ws: { start: number }[], window: number) => ws.slice(1, -1).every((w, i) => w.start - ws[i]!.start >= window - 0.01);

  it('screening embeds references and clips with tiled windows only', async () => {
    const performer = (await cli([...d, 'performer', 'add', '--name', '声優 一', reference])) as { id: string };
    (await cli([...d, 'suspect', 'add', '--label', 'long clip', clip])) as { id: string };
    await cli([...d, 'screen']);
    const all = rows();
    expect(all).toHaveLength(2);
    for (const r of all) {
      expect(r.hop).toBe(3);
      expect(r.windows.length).toBeGreaterThan(2);
      expect(tiled(r.windows, 3)).toBe(true);
    }
    const ctx = openCore(dataDir, 'test');
    try {
      // The voiceprint is built from the reference's tiled windows.
      const vp = ctx.db.prepare('SELECT window_count AS n FROM voiceprints WHERE performer_id = ?').get(performer.id) as { n: number };
      const ref = ctx.db.prepare("SELECT sha256 FROM recordings WHERE role = 'reference' AND performer_id = ?").get(performer.id) as { sha256: string };
      expect(vp.n).toBe(all.find((r) => r.file === ref.sha256)?.windows.length);
    } finally {
      closeCore(ctx);
    }
  });

  it('a comparison draws the clip timeline from overlapped windows, computed once and cached beside the scoring ones', async () => {
    const [performer] = ((await cli([...d, 'performer', 'list'])) as { id: string }[]);
    const [suspect] = ((await cli([...d, 'suspect', 'list'])) as { id: string }[]);
    const first = (await cli([...d, 'compare-ids', performer!.id, suspect!.id])) as {
      timeline: { start: number; end: number }[];
      windowSeconds: number;
      hopSeconds: number;
      overall: { rawCosine: number };
    };
    const after = rows();
    expect(after).toHaveLength(3);
    const timelineRow = after.find((r) => r.hop === first.hopSeconds);
    expect(first.hopSeconds).toBe(1.5);
    expect(first.timeline).toHaveLength(timelineRow!.windows.length);
    expect(first.timeline[1]!.start - first.timeline[0]!.start).toBeCloseTo(1.5, 1);
    const clipScoring = after.find((r) => r.file === timelineRow!.file && r.hop === 3);
    expect(first.timeline.length).toBeGreaterThan(clipScoring!.windows.length);
    // Again: the same figures from the cache, nothing new stored.
    const again = (await cli([...d, 'compare-ids', performer!.id, suspect!.id])) as typeof first;
    expect(again.overall.rawCosine).toBe(first.overall.rawCosine);
    expect(again.timeline).toEqual(first.timeline);
    expect(rows()).toHaveLength(3);
  });

  it('the timeline reuses the scoring windows it contains and runs only the ones in between, with the same result', async () => {
    const all = rows();
    const clipSha = all.find((r) => r.hop === 1.5)!.file;
    const scoring = all.find((r) => r.file === clipSha && r.hop === 3)!;
    const timeline = all.find((r) => r.file === clipSha && r.hop === 1.5)!;
    // Every scoring window is one of the timeline's, and its stored embedding is the same numbers.
    for (const w of scoring.windows) {
      const same = timeline.windows.find((t) => t.start === w.start && t.end === w.end);
      expect(same, `window ${w.start}-${w.end}`).toBeDefined();
      expect(same!.e).toEqual(w.e);
    }
    // The whole timeline computed from scratch agrees window by window (reused and new alike).
    const starter = path.join(REPO_ROOT, 'models', 'starter', 'seimon-starter-v2.onnx');
    const embedder = new Embedder({ id: 'starter', sha256: 'x', path: starter, preset: '3dspeaker', inputName: 'feats', outputName: 'embs', windowSeconds: 3, hopSeconds: 1.5 }, { workers: 1 });
    try {
      let ran = 0;
      const fresh = await embedFile(embedder, clip, { hopSeconds: 1.5, onProgress: (_done, total) => (ran = total) });
      expect(fresh.windows.map((w) => [w.start, w.end])).toEqual(timeline.windows.map((w) => [w.start, w.end]));
      fresh.windows.forEach((w, i) => expect(cosine(w.embedding, Float32Array.from(timeline.windows[i]!.e))).toBeGreaterThan(0.99999));
      expect(ran).toBe(timeline.windows.length);
      // Told the scoring windows, the model runs only the others.
      const known = new Map(scoring.windows.map((w) => [`${w.start}|${w.end}`, Float32Array.from(w.e)]));
      let reran = 0;
      await embedFile(embedder, clip, { hopSeconds: 1.5, known: (s, e) => known.get(`${s}|${e}`), onProgress: (_done, total) => (reran = total) });
      expect(reran).toBe(timeline.windows.length - scoring.windows.length);
    } finally {
      await embedder.close();
    }
  });
});
