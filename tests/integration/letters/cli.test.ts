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
