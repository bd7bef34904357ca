// Opening what the user points `verify` at: every way it can be wrong has its own code, and ordinary
// ZIPs (stored, deflated, with directory entries) read back the same members.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPackMembers } from '../../../src/evidence/members/open.js';
import { sha256Hex } from '../../../src/evidence/hash.js';
import { freshDataDir } from '../../helpers/paths.js';

const hasZip = spawnSync('zip', ['-v']).error === undefined;

function folderWith(files: Record<string, string>): string {
  const dir = freshDataDir('seimon-members');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('pack members', () => {
  it('reads a folder: nested names with /, sorted, hashed', () => {
    const dir = folderWith({ 'b/c.txt': 'see', 'a.txt': 'ay' });
    const p = openPackMembers(dir);
    expect(p.container).toBe('folder');
    expect(p.members.map((m) => m.name)).toEqual(['a.txt', 'b/c.txt']);
    expect(p.sha256('b/c.txt')).toBe(sha256Hex('see'));
  });

  it.skipIf(process.platform === 'win32')('refuses a folder holding a symbolic link (EVIDENCE_PACK_SYMLINK)', () => {
    const dir = folderWith({ 'a.txt': 'ay' });
    fs.symlinkSync('/etc/passwd', path.join(dir, 'evil'));
    expect(codeOf(() => openPackMembers(dir))).toBe('EVIDENCE_PACK_SYMLINK');
  });

  it('a missing path is EVIDENCE_PACK_NOT_FOUND; an empty or non-ZIP file is EVIDENCE_PACK_UNREADABLE', () => {
    const dir = freshDataDir('seimon-members');
    expect(codeOf(() => openPackMembers(path.join(dir, 'nope.zip')))).toBe('EVIDENCE_PACK_NOT_FOUND');
    fs.writeFileSync(path.join(dir, 'empty.zip'), '');
    expect(codeOf(() => openPackMembers(path.join(dir, 'empty.zip')))).toBe('EVIDENCE_PACK_UNREADABLE');
    fs.writeFileSync(path.join(dir, 'text.zip'), 'PK but not really a zip file, just some text that is long enough');
    expect(codeOf(() => openPackMembers(path.join(dir, 'text.zip')))).toBe('EVIDENCE_PACK_UNREADABLE');
  });

  it.skipIf(!hasZip)('reads stored and deflated ZIPs with directory entries as re-packed; refuses encrypted and bzip2 entries', () => {
    const dir = folderWith({ 'a.txt': 'ay '.repeat(500), 'sub/b.txt': 'bee' });
    const out = freshDataDir('seimon-members-zip');
    for (const [name, flags] of [['stored.zip', ['-0']], ['deflated.zip', ['-9']]] as const) {
      const z = path.join(out, name);
      expect(spawnSync('zip', ['-q', '-r', ...flags, z, '.'], { cwd: dir }).status).toBe(0);
      const p = openPackMembers(z);
      expect(p.container, name).toBe('repacked');
      expect(p.members.map((m) => m.name).sort(), name).toEqual(['a.txt', 'sub/b.txt']);
      expect(p.read('a.txt').toString(), name).toBe('ay '.repeat(500));
      p.close();
    }
    const enc = path.join(out, 'enc.zip');
    expect(spawnSync('zip', ['-q', '-P', 'secret', enc, 'a.txt'], { cwd: dir }).status).toBe(0);
    expect(codeOf(() => openPackMembers(enc))).toBe('EVIDENCE_PACK_UNREADABLE');
    const bz = path.join(out, 'bz.zip');
    if (spawnSync('zip', ['-q', '-Z', 'bzip2', bz, 'a.txt'], { cwd: dir }).status === 0) expect(codeOf(() => openPackMembers(bz))).toBe('EVIDENCE_PACK_UNREADABLE');
  });
});
