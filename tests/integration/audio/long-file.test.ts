import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths.js';

// The full 2-hour check takes about a minute, so it runs when SEIMON_LONG_AUDIO=1; by default a
// 4-minute file shows the streaming path keeps memory far below what whole-file decoding needs.
const LONG = process.env.SEIMON_LONG_AUDIO === '1';
const MINUTES = LONG ? 120 : 4;

describe('long files stream through decode -> resample -> fbank', () => {
  it(`${MINUTES} min of 48 kHz stereo stays within the memory budget`, () => {
    const r = spawnSync(
      'node',
      [
        '--import',
        'tsx',
        path.join(REPO_ROOT, 'scripts', 'bench', 'long-file.ts'),
        String(MINUTES),
      ],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: LONG ? 600_000 : 60_000,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
      frames: number;
      maxRssMiB: number;
      fileMiB: number;
    };
    expect(m.frames).toBe(1 + Math.floor((MINUTES * 60 * 16000 - 400) / 160));
    // Whole-file decoding would hold the file plus 2 float channels (3x the file); streaming must not.
    expect(m.maxRssMiB).toBeLessThan(LONG ? 1024 : 300);
  }, 620_000);
});
