// Text that lies about itself: a right-to-left override (U+202E) makes "Hanako \u202Egpj.exe" read as
// "Hanako exe.jpg". Staff cannot type one (the field is flagged); text that arrives anyway (an older
// database, a file name) is shown as a visible [U+202E] in every output and never obeyed.
import { strFromU8, unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeBidiJson, hasBidiControls, revealBidi, revealBidiDeep } from '../../../src/core/bidi.js';
import { invoke } from '../../../src/api/invoke.js';
import { closeCore } from '../../../src/store/open-core.js';
import { cli } from '../../helpers/cli-run.js';
import { buildCase, hasTool, op } from './helpers.js';

const RLO = '\u202E';
const CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
const anyControl = new RegExp(`[${CONTROLS.join('')}]`);

describe('bidi controls', () => {
  it('are made visible in text, escaped in JSON (which still parses to the same value)', () => {
    for (const c of CONTROLS) expect(hasBidiControls(`a${c}b`)).toBe(true);
    expect(hasBidiControls('山田 花子 – Hanako (עברית)')).toBe(false); // RTL letters themselves are fine
    expect(revealBidi(`evil${RLO}gpj.exe`)).toBe('evil[U+202E]gpj.exe');
    const json = escapeBidiJson(JSON.stringify({ name: `x${RLO}y\u2066z` }));
    expect(json).not.toMatch(anyControl);
    expect(JSON.parse(json)).toEqual({ name: `x${RLO}y\u2066z` });
    expect(revealBidiDeep({ a: [`1${RLO}`], b: Buffer.from('x'), n: 3 })).toEqual({ a: ['1[U+202E]'], b: Buffer.from('x'), n: 3 });
  });

  it('are refused in fields staff type, with a field issue of their own (the UI flags the field)', async () => {
    const b = await buildCase();
    const r = await invoke(b.ctx, 'performers.create', { name: `Hanako ${RLO}gpj.exe` });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'name', kind: 'bidi_controls' }] } });
    const s = await invoke(b.ctx, 'suspects.update', { id: b.suspectId, uploader: `up${RLO}loader` });
    expect(s).toMatchObject({ ok: false, error: { issues: [{ path: 'uploader', kind: 'bidi_controls' }] } });
    closeCore(b.ctx);
  });

  it('that reached the database anyway are visible in TXT, DOCX and PDF letters and in CLI output', async () => {
    const b = await buildCase();
    // As an older version (or a direct edit) would have stored them: below validation.
    b.ctx.db.prepare('UPDATE performers SET name = ? WHERE id = ?').run(`山田 ${RLO}子花`, b.performerId);
    b.ctx.db.prepare('UPDATE suspects SET uploader = ? WHERE id = ?').run(`evil${RLO}gpj.exe`, b.suspectId);
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'idpa', lang: 'ja' });

    const txt = Buffer.from((await op(b.ctx, 'letters.export', { id: d.id, format: 'txt' })).bytes).toString('utf8');
    expect(txt).not.toMatch(anyControl);
    expect(txt).toContain('山田 [U+202E]子花');

    const docx = unzipSync((await op(b.ctx, 'letters.export', { id: d.id, format: 'docx' })).bytes);
    const xml = strFromU8(docx['word/document.xml']!);
    expect(xml).not.toMatch(anyControl);
    expect(xml).toContain('[U+202E]');

    if (hasTool('pdftotext')) {
      const pdf = (await op(b.ctx, 'letters.export', { id: d.id, format: 'pdf' })).bytes;
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seimon-bidi-')), 'l.pdf');
      fs.writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).not.toMatch(anyControl);
      expect(text).toContain('U+202E');
    }

    // The stored value itself is unchanged (evidence is kept as it came).
    expect((b.ctx.db.prepare('SELECT name FROM performers WHERE id = ?').get(b.performerId) as { name: string }).name).toBe(`山田 ${RLO}子花`);
    const dataDir = b.ctx.dataDir;
    closeCore(b.ctx);
    const json = await cli(['--data-dir', dataDir, '--json', 'performer', 'list']);
    expect(json.out).not.toMatch(anyControl);
    expect((JSON.parse(json.out) as { name: string }[])[0]?.name).toBe(`山田 ${RLO}子花`);
  });
});
