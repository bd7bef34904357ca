import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../io.js';
import { CliFailure, call, printJson, withCore } from '../io.js';

/** `seimon audit verify`: walks the hash chain; exit 1 names the first broken entry. */
export function registerAuditCommands(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  const cmd = program.command('audit').description('the append-only, hash-chained audit log');
  cmd
    .command('verify')
    .description('check every entry of the audit log against the hash chain')
    .action(async () => {
      const g = globals();
      const r = await withCore(g, (ctx) => call(ctx, 'audit.verify', {}));
      if (g.json) printJson(io, r);
      if (!r.ok) throw new CliFailure(1, 'AUDIT_CHAIN_BROKEN', `audit chain broken at entry ${r.brokenAt} (${r.action}${r.at ? `, ${r.at}` : ''}): ${r.reason}`);
      if (!g.json) io.stdout(`verified ${r.count} entries${r.headHash ? ` (head ${r.headHash})` : ''}\n`);
    });
}
