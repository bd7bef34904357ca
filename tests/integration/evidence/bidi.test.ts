// Evidence outputs never obey a bidi control that reached the database: the report (HTML, PDF) and the
// CSVs show it as [U+202E]; the JSON files keep the exact value, escaped. Screening CSV likewise.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportEvidencePack } from '../../../src/evidence/pack/export.js';
import { jobsOf } from '../../../src/jobs/registry.js';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { SHARED_SKIP_MESSAGE, freshDataDir, hasShared } from '../../helpers/paths.js';
import { buildWorkbench, op } from './fixture.js';
import { unpack } from './zip-tools.js';

const RLO = '\u202E';
const anyControl = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

describe.skipIf(!hasShared)('bidi controls in evidence and screening outputs', () => {
  it('are shown in report.html, report.pdf and the CSVs, escaped in the JSON, and shown in the screening CSV', async () => {
    const dir = freshDataDir('seimon-bidi-pack');
    const ctx = openCore(dir, 'test');
    const wb = await buildWorkbench(ctx);
    ctx.db.prepare('UPDATE performers SET name = ? WHERE id = ?').run(`青木 ${RLO}葵`, wb.performerId);
    ctx.db.prepare('UPDATE suspects SET label = ? WHERE id = ?').run(`clip${RLO}3pm.exe`, wb.suspectId);
    const pack = path.join(dir, 'pack.zip');
    await exportEvidencePack(ctx, { caseId: wb.caseId, out: pack, lang: 'ja', audience: 'recipient' });
    const entries = new Map(unpack(pack).map((e) => [e.name, Buffer.from(e.source as Uint8Array)]));
    const html = entries.get('report.html')!.toString('utf8');
    expect(html).not.toMatch(anyControl);
    expect(html).toContain('[U+202E]');
    const csv = [...entries].filter(([n]) => n.endsWith('.csv')).map(([, b]) => b.toString('utf8'));
    expect(csv.length).toBeGreaterThan(0);
    for (const c of csv) expect(c).not.toMatch(anyControl);
    const caseJson = entries.get('case.json')!.toString('utf8');
    expect(caseJson).not.toMatch(anyControl);
    expect(caseJson).toContain('\\u202e');
    expect((JSON.parse(caseJson) as { performers: { name: string }[] }).performers[0]?.name).toBe(`青木 ${RLO}葵`);
    const pdfFile = path.join(dir, 'report.pdf');
    fs.writeFileSync(pdfFile, entries.get('report.pdf')!);
    const pdfText = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' });
    expect(pdfText).not.toMatch(anyControl);
    expect(pdfText).toContain('U+202E');

    const started = await op(ctx, 'screening.start', { modelId: null });
    const job = await jobsOf(ctx).wait(started.id);
    expect(job.state).toBe('done');
    const screeningCsv = await op(ctx, 'screening.csv', { runId: job.resultId!, lang: 'ja' });
    expect(screeningCsv).not.toMatch(anyControl);
    expect(screeningCsv).toContain('[U+202E]');
    closeCore(ctx);
  }, 180_000);
});

if (!hasShared) console.warn(SHARED_SKIP_MESSAGE);
