// A batch never loses a file silently: every file it could not import is named (as it fails and in a
// closing line) and the command exits non-zero; a performer or suspect none of whose files could be
// imported is not kept, so a retry does not duplicate it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli-run.js';
import { freshDataDir } from '../../helpers/paths.js';
import { espeak } from '../../helpers/speech.js';

function badFile(dir: string, name: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, 'these are notes, not audio\n'.repeat(20));
  return f;
}

describe('batches', () => {
  it('name every file not imported and exit 2 when the only problems are the files', async () => {
    const dataDir = freshDataDir('seimon-batch');
    const work = freshDataDir('seimon-batch-files');
    const good = path.join(work, 'good.wav');
    if (!espeak('a clip that imports well, long enough to be a real sample of a voice', good)) throw new Error('espeak-ng is needed');
    const r = await cli(['--data-dir', dataDir, 'suspect', 'add', '--label', 'S1', badFile(work, 'a.wav'), good, badFile(work, 'b.mp3')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/error AUDIO_\w+: .*a\.wav/);
    expect(r.err).toMatch(/error AUDIO_\w+: .*b\.mp3/);
    expect(r.err).toMatch(/2 of 3 files were not imported: .*a\.wav \(AUDIO_\w+\), .*b\.mp3 \(AUDIO_\w+\)/);
    const list = JSON.parse((await cli(['--data-dir', dataDir, '--json', 'suspect', 'list'])).out) as { label: string; clips: unknown[] }[];
    expect(list).toEqual([expect.objectContaining({ label: 'S1', clips: [expect.anything()] })]);
  });

  it('keep no empty performer or suspect when none of the files could be imported (a retry does not duplicate)', async () => {
    const dataDir = freshDataDir('seimon-batch-empty');
    const work = freshDataDir('seimon-batch-empty-files');
    for (let attempt = 0; attempt < 2; attempt++) {
      const p = await cli(['--data-dir', dataDir, 'performer', 'add', '--name', '山田花子', badFile(work, 'x.wav')]);
      expect(p.code).toBe(2);
      expect(p.err).toMatch(/was not kept/);
      const s = await cli(['--data-dir', dataDir, 'suspect', 'add', '--label', 'S', badFile(work, 'y.wav')]);
      expect(s.code).toBe(2);
    }
    expect(JSON.parse((await cli(['--data-dir', dataDir, '--json', 'performer', 'list'])).out)).toEqual([]);
    expect(JSON.parse((await cli(['--data-dir', dataDir, '--json', 'suspect', 'list'])).out)).toEqual([]);
    // Without files an empty performer is what was asked for, and is kept.
    expect((await cli(['--data-dir', dataDir, 'performer', 'add', '--name', '佐藤'])).code).toBe(0);
    expect(JSON.parse((await cli(['--data-dir', dataDir, '--json', 'performer', 'list'])).out)).toHaveLength(1);
  });
});
