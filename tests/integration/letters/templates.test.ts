// Every template in both languages, drafted from a case built through the real core, exported as PDF,
// DOCX and text, and checked from the outside (pdftotext, pdffonts, the DOCX zip, LibreOffice).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCore } from '../../../src/store/open-core.js';
import { LETTER_REGIMES } from '../../../src/domain/letters.js';
import type { LetterRegime } from '../../../src/domain/letters.js';
import { legalData } from '../../../src/letters/data/load.js';
import type { Built } from './helpers.js';
import { buildCase, hasTool, op, REQUESTER } from './helpers.js';

const HAS_POPPLER = hasTool('pdftotext') && hasTool('pdffonts');
const HAS_LIBREOFFICE = hasTool('libreoffice') || hasTool('soffice');
if (!HAS_POPPLER) console.warn('pdftotext/pdffonts not found: skipping PDF text and font checks');
if (!HAS_LIBREOFFICE) console.warn('libreoffice not found: skipping the DOCX → PDF conversion check');

let b: Built;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seimon-letters-out-'));
const platformFor = (r: LetterRegime) => (r === 'youtube' ? 'google-youtube' : 'dwango-niconico');
const URL_ = 'https://www.nicovideo.jp/watch/sm00000000';

beforeAll(async () => {
  b = await buildCase();
});
afterAll(() => closeCore(b.ctx));

const squash = (s: string) => s.replace(/\s+/g, '');

describe.each(LETTER_REGIMES.flatMap((r) => (['ja', 'en'] as const).map((l) => [r, l] as const)))('%s letter in %s', (regime, lang) => {
  it('carries every field, the URL and times, hashes, requester and the score statement, in PDF, DOCX and text', async () => {
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime, lang, platformId: platformFor(regime) });
    expect(d.missing).toEqual([]);
    const t = legalData().templates[regime];
    const statement = legalData().grounds.scoreStatement[lang];
    const expected = [...t.fields.map((f) => f.label[lang]), URL_, b.clipSha256, REQUESTER.email, REQUESTER.name, statement];

    const txt = await op(b.ctx, 'letters.export', { id: d.id, format: 'txt' });
    const text = Buffer.from(txt.bytes).toString('utf8');
    for (const e of expected) expect(text).toContain(e);
    expect(txt.fields.map((f) => f.key)).toEqual(t.fields.map((f) => f.key));
    expect(txt.fields.find((f) => f.key === 'locations')?.text).toContain(URL_);
    expect(text).toContain(lang === 'ja' ? '2025-05-01 12:00 JST' : '2025-05-01 12:00 JST');

    const pdf = await op(b.ctx, 'letters.export', { id: d.id, format: 'pdf' });
    const pdfFile = path.join(dir, `${regime}-${lang}.pdf`);
    fs.writeFileSync(pdfFile, pdf.bytes);
    expect(Buffer.from(pdf.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    if (HAS_POPPLER) {
      const extracted = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-']).toString('utf8'));
      for (const e of expected) expect(extracted).toContain(squash(e));
      const fonts = execFileSync('pdffonts', [pdfFile]).toString('utf8');
      expect(fonts).toMatch(/NotoSansJP-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
      const info = execFileSync('pdfinfo', [pdfFile]).toString('utf8');
      expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    }

    const docx = await op(b.ctx, 'letters.export', { id: d.id, format: 'docx' });
    const zip = unzipSync(docx.bytes);
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', '_rels/.rels']));
    const xml = strFromU8(zip['word/document.xml']!);
    for (const e of [t.fields[0]!.label[lang], b.clipSha256, REQUESTER.email]) expect(xml).toContain(e);
    if (HAS_LIBREOFFICE) {
      const docxFile = path.join(dir, `${regime}-${lang}.docx`);
      fs.writeFileSync(docxFile, docx.bytes);
      execFileSync(hasTool('libreoffice') ? 'libreoffice' : 'soffice', ['--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'lo'), docxFile], { timeout: 60_000 });
      expect(fs.statSync(path.join(dir, 'lo', `${regime}-${lang}.pdf`)).size).toBeGreaterThan(1000);
    }
  });
});

it('marks the rights and reasons fields of Japanese-law requests as passed to the poster verbatim', async () => {
  for (const regime of ['idpa', 'guideline'] as const) {
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime, lang: 'ja', platformId: 'dwango-niconico' });
    expect(d.fields.filter((f) => f.verbatimToPoster).map((f) => f.key)).toEqual(['rights', 'reasons']);
  }
});

it('cites the latest evidence pack hash when one was exported', async () => {
  const sha = 'a'.repeat(64);
  b.ctx.db
    .prepare(`INSERT INTO evidence_exports (id, case_id, file_name, sha256, size_bytes, manifest_sha256, lang, with_reference_audio, created_at) VALUES ('exp_test000000', ?, 'pack.zip', ?, 10, ?, 'ja', 0, ?)`)
    .run(b.caseId, sha, 'b'.repeat(64), new Date().toISOString());
  const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'idpa', lang: 'en', platformId: 'dwango-niconico' });
  const ev = d.fields.find((f) => f.key === 'evidence')!.value;
  expect(ev).toContain(`Evidence pack "pack.zip"`);
  expect(ev).toContain(sha);
});
