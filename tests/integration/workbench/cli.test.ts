/** The workbench CLI: ids in --json output chain from one command to the next; bad files are reported and skipped. */
import { describe, expect, it } from 'vitest';
import { closeCore } from '../../../src/store/open-core.js';
import { runCli } from '../../../src/cli/main.js';
import { freshDataDir } from '../../helpers/paths.js';
import { LINES, corruptFile, fixtureCore, hasEspeak, speech, withoutBundledModels } from './helpers.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe.skipIf(!hasEspeak)('seimon performer / suspect / screen / compare-ids', () => {
  it('runs the whole workflow from the command line', async () => {
    withoutBundledModels();
    const ctx = await fixtureCore('seimon-cli-wb');
    const dataDir = ctx.dataDir;
    closeCore(ctx);
    const work = freshDataDir('seimon-cli-files');
    const d = ['--data-dir', dataDir, '--json'];

    const a = await cli([...d, 'performer', 'add', '--name', '声優 A', '--kana', 'せいゆう', speech(work, 'a1.wav', LINES[0] ?? ''), corruptFile(work), speech(work, 'a2.wav', LINES[1] ?? '')]);
    // The batch goes on past the bad file, enrolls the good ones, and still exits non-zero naming it.
    expect(a.code, a.err).toBe(2);
    expect(a.err).toMatch(/error AUDIO_NOT_AUDIO: .*notes\.wav/);
    expect(a.err).toMatch(/1 of 3 files were not imported: .*notes\.wav \(AUDIO_NOT_AUDIO\)/);
    const performer = JSON.parse(a.out) as { id: string; recordings: { id: string }[]; failed: unknown[]; voiceprint: { references: number } };
    expect(performer.recordings).toHaveLength(2);
    expect(performer.failed).toHaveLength(1);
    expect(performer.voiceprint.references).toBe(2);

    const bad = await cli([...d, 'performer', 'enroll', performer.id, corruptFile(work, 'bad2.wav')]);
    expect(bad.code).toBe(2);

    const s = await cli([...d, 'suspect', 'add', '--label', 'Clone', '--service', 'VoiceHub', '--url', 'https://example.com/x', speech(work, 's1.wav', LINES[2] ?? '')]);
    expect(s.code, s.err).toBe(0);
    const suspect = JSON.parse(s.out) as { id: string };

    const sc = await cli([...d, 'screen']);
    expect(sc.code, sc.err).toBe(0);
    const run = JSON.parse(sc.out) as { model: { id: string; sha256: string }; matches: { performerId: string; suspectId: string; band: string }[] };
    expect(run.matches[0]).toMatchObject({ performerId: performer.id, suspectId: suspect.id, band: 'uncalibrated' });
    expect(run.model.sha256).toMatch(/^[0-9a-f]{64}$/);

    const c = await cli([...d, 'compare-ids', performer.id, suspect.id]);
    expect(c.code, c.err).toBe(0);
    const cmp = JSON.parse(c.out) as { overall: { rawCosine: number }; timeline: unknown[] };
    expect(cmp.timeline.length).toBeGreaterThan(0);
  });
});
