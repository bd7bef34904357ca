import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, freshDataDir } from '../../helpers/paths.js';
import { cli } from '../../helpers/cli-run.js';
import { espeak } from '../../helpers/speech.js';

const BIN = path.join(REPO_ROOT, 'bin', 'seimon.js');

/** Stored audio files (named by SHA-256) under the content store. */
function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'audio');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((d) => /^[0-9a-f]{2}$/.test(d))
    .flatMap((d) => fs.readdirSync(path.join(root, d)).map((f) => path.join(root, d, f)));
}

function recordingCount(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'seimon.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM recordings').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * Starts `performer add` with several files and kills it with SIGKILL the moment a stored file exists
 * that no row names yet (between storing the bytes and committing the row). Returns false when the
 * process was too quick to catch in that window.
 */
async function killMidImport(dataDir: string, files: string[]): Promise<boolean> {
  const child = spawn(process.execPath, [BIN, '--data-dir', dataDir, 'performer', 'add', '--name', 'Killed', ...files], { cwd: REPO_ROOT, stdio: 'ignore' });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  let caught = false;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const pending = fs.existsSync(path.join(dataDir, 'audio')) && fs.readdirSync(path.join(dataDir, 'audio')).some((f) => f.startsWith('.pending-'));
    if (pending && storedFiles(dataDir).length > 0) {
      child.kill('SIGKILL');
      caught = true;
      break;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await exited;
  return caught && storedFiles(dataDir).length > recordingCount(dataDir);
}

describe('leftovers of killed processes are found, reported and swept', () => {
  it('kill -9 during a multi-file performer add: doctor reports the orphan, the next start sweeps it', async () => {
    const work = freshDataDir('seimon-kill-audio');
    const files = [1, 2, 3].map((i) => {
      const f = path.join(work, `ref${i}.wav`);
      const text = `This is reference recording number ${i}. It is long enough that the quality probe takes a while, so the test can stop the import half way through its work. `.repeat(3);
      if (!espeak(text, f)) throw new Error('espeak-ng is needed');
      return f;
    });
    let dataDir = '';
    let caught = false;
    for (let attempt = 0; attempt < 3 && !caught; attempt++) {
      dataDir = freshDataDir('seimon-kill');
      caught = await killMidImport(dataDir, files);
    }
    expect(caught, 'the import was never caught between storing a file and recording it').toBe(true);
    const orphans = storedFiles(dataDir).length - recordingCount(dataDir);
    expect(orphans).toBeGreaterThan(0);

    // doctor (without the start-up sweep) reports what it would fix and exits 1
    const report = await cli(['--data-dir', dataDir, '--json', 'doctor']);
    expect(report.code).toBe(1);
    const r = JSON.parse(report.out) as { healthy: boolean; integrity: string[]; auditChain: { ok: boolean }; findings: { kind: string; fix: string | null; fixed: boolean }[] };
    expect(r.integrity).toEqual(['ok']);
    expect(r.auditChain.ok).toBe(true);
    expect(r.findings.filter((f) => f.kind === 'orphan-audio')).toHaveLength(orphans);
    expect(r.findings.some((f) => f.kind === 'stray-temp')).toBe(true); // the killed importer's mark
    expect(r.findings.every((f) => !f.fixed && f.fix !== null)).toBe(true);
    expect(storedFiles(dataDir).length - recordingCount(dataDir)).toBe(orphans); // reporting changed nothing

    // any later start sweeps the orphans; then doctor finds the folder healthy
    expect((await cli(['--data-dir', dataDir, 'performer', 'list'])).code).toBe(0);
    expect(storedFiles(dataDir).length).toBe(recordingCount(dataDir));
    const after = await cli(['--data-dir', dataDir, 'doctor']);
    expect(after.code, after.out).toBe(0);
    expect(after.out).toMatch(/findings: {7}none/);
    expect(after.out).toMatch(/healthy$/m);
  }, 180_000);

  it('a pack half-written by a killed export is reported and removed; a live writer\'s is kept', async () => {
    const dataDir = freshDataDir('seimon-partial');
    expect((await cli(['--data-dir', dataDir, 'doctor'])).code).toBe(0);
    const exports = path.join(dataDir, 'exports');
    fs.mkdirSync(exports, { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', 'process.kill(process.pid, "SIGKILL")']).pid!;
    const deadPartial = path.join(exports, `.seimon-export-${dead}-abcdef.partial`);
    const livePartial = path.join(exports, `.seimon-export-${process.pid}-abcdef.partial`);
    fs.writeFileSync(deadPartial, 'clips of a killed export');
    fs.writeFileSync(livePartial, 'an export still being written');
    const report = await cli(['--data-dir', dataDir, '--json', 'doctor']);
    expect(report.code).toBe(1);
    const r = JSON.parse(report.out) as { findings: { kind: string; path: string }[] };
    expect(r.findings).toEqual([expect.objectContaining({ kind: 'partial-export', path: deadPartial })]);
    const fixed = await cli(['--data-dir', dataDir, '--json', 'doctor', '--fix']);
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.out)).toMatchObject({ healthy: true, findings: [{ kind: 'partial-export', fixed: true }] });
    expect(fs.existsSync(deadPartial)).toBe(false);
    expect(fs.existsSync(livePartial)).toBe(true);
  });

  it('a damaged stored file is reported for a person to decide, never deleted', async () => {
    const dataDir = freshDataDir('seimon-damaged');
    const wav = path.join(dataDir, '..', `${path.basename(dataDir)}-a.wav`);
    if (!espeak('a reference recording for the damaged file test, long enough to pass the quality checks of the import', wav)) throw new Error('espeak-ng is needed');
    const add = await cli(['--data-dir', dataDir, 'suspect', 'add', '--label', 'S', wav]);
    expect(add.code, add.err).toBe(0);
    const [stored] = storedFiles(dataDir);
    fs.appendFileSync(stored!, 'tampered');
    const r = await cli(['--data-dir', dataDir, '--json', 'doctor', '--fix']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).findings).toEqual([expect.objectContaining({ kind: 'corrupt-audio', fix: null, fixed: false })]);
    expect(fs.existsSync(stored!)).toBe(true);
  });
});
