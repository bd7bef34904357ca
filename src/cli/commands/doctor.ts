import type { Command } from 'commander';
import type { DoctorReport } from '../../api/contract.js';
import type { CliIo, GlobalOptions } from '../io.js';
import { CliFailure, call, printJson, withCore } from '../io.js';

function printDoctor(io: CliIo, r: DoctorReport, fix: boolean): void {
  const chain = r.auditChain.ok
    ? `ok (${r.auditChain.count} entries)`
    : `BROKEN at entry ${r.auditChain.brokenAt} (${r.auditChain.action}): ${r.auditChain.reason}`;
  const lines = [
    `data folder:    ${r.dataDir}`,
    `database:       ${r.integrity.length === 1 && r.integrity[0] === 'ok' ? 'integrity ok' : `INTEGRITY PROBLEMS: ${r.integrity.join('; ')}`}`,
    `audit chain:    ${chain}`,
    `content store:  ${r.storedFiles} file(s)`,
  ];
  if (r.findings.length === 0) lines.push('findings:       none');
  for (const f of r.findings) {
    const what = f.path ?? f.objectId ?? '';
    const action = f.fix === null ? 'needs a person to decide' : f.fixed ? `fixed: ${f.fix}` : `would ${f.fix}`;
    lines.push(`${f.kind.padEnd(15)} ${what}\n                ${action}`);
  }
  if (!fix && r.findings.some((f) => f.fix !== null && !f.fixed)) lines.push('Run `seimon doctor --fix` to apply the fixes above.');
  lines.push(r.healthy ? 'healthy' : 'NOT healthy');
  io.stdout(lines.join('\n') + '\n');
}

/** `seimon doctor [--fix]`: checks integrity, the audit chain and the content store; exit 1 unless healthy. */
export function registerDoctorCommand(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  program
    .command('doctor')
    .description('check the data folder (database integrity, audit chain, content store) and report what --fix would repair')
    .option('--fix', 'remove leftovers of interrupted work (orphaned audio, temporary files, half-written packs)')
    .action(async (o: { fix?: boolean }) => {
      const g = globals();
      // Opened without the start-up sweep, so the report shows what a killed process left behind.
      const r = await withCore(g, (ctx) => call(ctx, 'doctor.run', { fix: o.fix === true }), { sweep: false });
      if (g.json) printJson(io, r);
      else printDoctor(io, r, o.fix === true);
      if (!r.healthy) throw new CliFailure(1, 'DOCTOR_FOUND_PROBLEMS', `${r.findings.filter((f) => !f.fixed).length} problem(s) found${o.fix ? ' that need a person' : ''}; see the report above`);
    });
}
