/**
 * The two window plans on real speech with the bundled starter (issue 19): a performer's reference is
 * embedded with tiled windows (hop = window), the same file as a suspect clip with the model's hop for
 * its timeline; both are cached side by side, and the voiceprint is built from the tiled windows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpeechAudio } from '../../../src/audio/pipeline.js';
import { encodeWavPcm16 } from '../../../src/audio/wav-writer.js';
import { runCli } from '../../../src/cli/main.js';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { SHARED_SKIP_MESSAGE, SPEECH_DIR, freshDataDir, hasShared } from '../../helpers/paths.js';

if (!hasShared) console.warn(`[window plan] ${SHARED_SKIP_MESSAGE}`);

async function cli(args: string[]): Promise<unknown> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  expect(code, err).toBe(0);
  return JSON.parse(out) as unknown;
}

describe.skipIf(!hasShared)('window plans: tiled references, overlapped suspect clips', () => {
  const dataDir = freshDataDir('seimon-window-plan');
  const d = ['--data-dir', dataDir, '--json'];
  let wav = '';

  beforeAll(async () => {
    delete process.env.SEIMON_BUNDLED_MODELS_DIR;
    // One held-out speaker's whole utterance (about 15 s): long enough for several windows either way.
    const dir = path.join(SPEECH_DIR, 'librispeech-train-clean-100-1utt', '1992');
    const { samples } = await loadSpeechAudio(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.flac')) ?? ''));
    wav = path.join(freshDataDir('seimon-window-plan-audio'), 'long.wav');
    fs.writeFileSync(wav, encodeWavPcm16(samples, 16000));
  });

  it('embeds the file once per plan, builds the voiceprint from the tiled windows and draws the timeline from the overlapped ones', async () => {
    const performer = (await cli([...d, 'performer', 'add', '--name', '声優 一', wav])) as { id: string };
    const suspect = (await cli([...d, 'suspect', 'add', '--label', 'same file', wav])) as { id: string };
    const cmp = (await cli([...d, 'compare-ids', performer.id, suspect.id])) as {
      timeline: { start: number; end: number }[];
      windowSeconds: number;
      hopSeconds: number;
      overall: { rawCosine: number };
    };
    const ctx = openCore(dataDir, 'test');
    try {
      const rows = ctx.db.prepare('SELECT hop_seconds AS hop, windows FROM embeddings ORDER BY hop_seconds').all() as { hop: number; windows: string }[];
      expect(rows.map((r) => r.hop)).toEqual([cmp.hopSeconds, cmp.windowSeconds]);
      const [clip, reference] = rows.map((r) => JSON.parse(r.windows) as { start: number; end: number }[]);
      // Tiled: each window starts where the previous one ended (only the last may reach back to end with the speech).
      for (let i = 1; i < reference!.length - 1; i++) expect(reference![i]!.start - reference![i - 1]!.start).toBeGreaterThanOrEqual(cmp.windowSeconds - 0.01);
      expect(reference!.length).toBeLessThan(clip!.length);
      const vp = ctx.db.prepare('SELECT window_count AS n FROM voiceprints WHERE performer_id = ?').get(performer.id) as { n: number };
      expect(vp.n).toBe(reference!.length);
      expect(cmp.timeline).toHaveLength(clip!.length);
      expect(cmp.timeline[1]!.start - cmp.timeline[0]!.start).toBeCloseTo(cmp.hopSeconds, 1);
      // The same speech both ways: the voiceprint and the clip agree closely, whatever the plan.
      expect(cmp.overall.rawCosine).toBeGreaterThan(0.95);
    } finally {
      closeCore(ctx);
    }
  });
});
