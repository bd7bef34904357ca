// The CLI: `seimon letter CASE …` writes the file; a missing requester fails with the list;
// `letter sent`, `letter response` and `letters due --json` track the clock.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { closeCore } from '../../../src/store/open-core.js';
import { runCli } from '../../../src/cli/main.js';
import { buildCase } from './helpers.js';

function cli(dataDir: string, args: string[]) {
  let out = '';
  let err = '';
  return runCli(['--data-dir', dataDir, ...args], { stdout: (s) => (out += s), stderr: (s) => (err += s) }).then((code) => ({ code, out, err }));
}

it('drafts, exports, marks sent, records a response and lists what is due', async () => {
  const b = await buildCase({ requester: false });
  const dataDir = b.ctx.dataDir;
  closeCore(b.ctx);
  const out = path.join(dataDir, 'letter.pdf');
  const blocked = await cli(dataDir, ['letter', b.caseId, '--regime', 'idpa', '--format', 'pdf', '--out', out]);
  expect(blocked.code).toBe(1);
  expect(blocked.err).toContain('LETTER_INCOMPLETE');
  expect(blocked.err).toContain('requester.name, requester.address, requester.email');
  expect(fs.existsSync(out)).toBe(false);

  expect((await cli(dataDir, ['letters', 'requester', '--name', '佐藤', '--address', '東京都', '--email', 'a@example.jp'])).code).toBe(0);
  const ok = await cli(dataDir, ['--json', 'letter', b.caseId, '--regime', 'idpa', '--lang', 'en', '--format', 'pdf', '--out', out]);
  expect(ok.code).toBe(0);
  const { letterId } = JSON.parse(ok.out) as { letterId: string };
  expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');

  const sent = await cli(dataDir, ['letter', 'sent', letterId, '--at', '2025-05-01T00:00:00Z', '--via', 'email']);
  expect(sent.out).toContain('received 2025-05-01');
  expect(sent.out).toContain('end of 2025-05-08 JST (2025-05-08T15:00:00.000Z)');
  expect(JSON.parse((await cli(dataDir, ['--json', 'letters', 'due', '--at', '2025-05-08T14:59:00Z'])).out)).toMatchObject([{ letterId, overdue: false }]);
  const due = await cli(dataDir, ['--json', 'letters', 'due', '--at', '2025-05-09T00:00:00Z']);
  expect(JSON.parse(due.out)).toMatchObject([{ letterId, clock: 'platform-decision', overdue: true }]);
  expect((await cli(dataDir, ['letter', 'response', letterId, '--outcome', 'refused', '--at', '2025-05-09T01:00:00Z'])).code).toBe(0);
  expect(JSON.parse((await cli(dataDir, ['--json', 'letters', 'due'])).out)).toEqual([]);
  expect((await cli(dataDir, ['letter', b.caseId, '--regime', 'fax', '--out', out])).code).toBe(2);
});

it('sets facts and capacity, adds an operator with hosts, confirms a host mismatch and records receipt from the CLI', async () => {
  const b = await buildCase({ url: 'https://voices.example.jp/c/1', grounds: ['defamation'] });
  const dataDir = b.ctx.dataDir;
  closeCore(b.ctx);
  const set = await cli(dataDir, ['--json', 'letters', 'grounds', b.caseId, '--fact', 'harmsReputation=yes', '--fact', 'principal=山田 花子', '--capacity', 'organisation', '--fact', 'ownInterest=yes']);
  expect(set.code).toBe(0);
  expect(JSON.parse(set.out)).toMatchObject({ facts: { harmsReputation: 'yes', capacity: 'organisation', principal: '山田 花子' }, assessments: [{ id: 'defamation', status: 'confirmed' }] });
  expect((await cli(dataDir, ['letters', 'grounds', b.caseId, '--fact', 'madeUp=yes'])).code).toBe(2);
  expect((await cli(dataDir, ['letters', 'grounds', b.caseId, '--capacity', 'friend'])).code).toBe(2);

  const out = path.join(dataDir, 'to-x.txt');
  const blocked = await cli(dataDir, ['letter', b.caseId, '--regime', 'idpa', '--platform', 'x-corp', '--format', 'txt', '--out', out]);
  expect(blocked.code).toBe(2);
  expect(blocked.err).toContain('host-mismatch:voices.example.jp');
  expect(blocked.err).toMatch(/seimon letter confirm letter_\w+ host-mismatch:voices\.example\.jp/);
  const ok = await cli(dataDir, ['--json', 'letter', b.caseId, '--regime', 'idpa', '--platform', 'x-corp', '--format', 'txt', '--out', out, '--confirm', 'host-mismatch:voices.example.jp']);
  expect(ok.code).toBe(0);
  expect(fs.readFileSync(out, 'utf8')).toContain('当団体は、所属する山田 花子に関し');

  const added = await cli(dataDir, ['letters', 'platform-add', '--name', 'にせボイス', '--operator', '架空AI株式会社', '--regime', 'idpa-other', '--kind', 'ai-voice-service', '--hosts', 'voices.example.jp']);
  expect(added.code).toBe(0);
  const opId = /\((op_\w+)\)/.exec(added.out)![1]!;
  const refused = await cli(dataDir, ['letter', b.caseId, '--regime', 'idpa', '--platform', opId, '--out', out]);
  expect(refused.code).toBe(1);
  expect(refused.err).toContain('LETTER_NOT_DESIGNATED');
  const g = await cli(dataDir, ['--json', 'letter', b.caseId, '--platform', opId, '--format', 'txt', '--out', out]);
  expect(g.code).toBe(0);
  const { letterId } = JSON.parse(g.out) as { letterId: string };
  const sent = await cli(dataDir, ['--json', 'letter', 'sent', letterId, '--at', '2024-02-28T12:00:00+09:00', '--via', 'email']);
  expect(JSON.parse(sent.out)).toMatchObject({ receivedOn: '2024-02-28', clocks: [{ clock: 'poster-inquiry', dueOn: '2024-03-06' }] });
  const moved = await cli(dataDir, ['--json', 'letter', 'dates', letterId, '--received-on', '2024-02-29']);
  expect(JSON.parse(moved.out)).toMatchObject({ receivedOn: '2024-02-29', clocks: [{ dueOn: '2024-03-07' }] });
  expect((await cli(dataDir, ['letter', 'dates', letterId, '--received-on', '2023-02-29'])).code).toBe(2);
});
