import type { Command } from 'commander';
import type { CaseStatus } from '../../api/contract.js';
import type { CliIo, GlobalOptions } from '../io.js';
import { call, printJson, withCore } from '../io.js';
import { formatTable } from '../table.js';

const collect = (v: string, prev: string[]) => [...prev, v];

/** `seimon case create|list|show|status|update`. */
export function registerCaseCommands(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  const cmd = program.command('case').description('takedown cases (事案): suspects, matched performers, status');

  cmd
    .command('create')
    .description('open a draft case for performer(s) and suspect(s)')
    .requiredOption('--performer <id>', 'performer id (repeatable)', collect, [])
    .requiredOption('--suspect <id>', 'suspect id (repeatable)', collect, [])
    .option('--title <title>', 'title (default: "performer × suspect")')
    .option('--platform <platform>', 'platform the suspect was found on')
    .option('--legal-grounds <text>', 'legal grounds (free text)')
    .option('--notes <notes>', 'free notes')
    .option('--model <id>', 'model to score with (default: the default model at export)')
    .action(async (o: { performer: string[]; suspect: string[]; title?: string; platform?: string; legalGrounds?: string; notes?: string; model?: string }) => {
      const g = globals();
      const c = await withCore(g, (ctx) =>
        call(ctx, 'cases.create', { performerIds: o.performer, suspectIds: o.suspect, title: o.title, platform: o.platform, legalGrounds: o.legalGrounds, notes: o.notes, modelId: o.model }),
      );
      if (g.json) printJson(io, c);
      else io.stdout(`Opened case ${c.id}: ${c.title}\n`);
    });

  cmd
    .command('list')
    .description('list cases, most recently changed first')
    .action(async () => {
      const g = globals();
      const list = await withCore(g, (ctx) => call(ctx, 'cases.list', {}));
      if (g.json) printJson(io, list);
      else if (list.length === 0) io.stdout('No cases yet. Open one with: seimon case create --performer ID --suspect ID\n');
      else io.stdout(formatTable(['id', 'status', 'title', 'platform', 'updated'], list.map((c) => [c.id, c.status, c.title, c.platform, c.updatedAt])) + '\n');
    });

  cmd
    .command('show <id>')
    .description('show a case with its history and exports')
    .action(async (id: string) => {
      const g = globals();
      const c = await withCore(g, (ctx) => call(ctx, 'cases.get', { id }));
      if (g.json) return printJson(io, c);
      io.stdout(`${c.title} (${c.id})\nstatus:     ${c.status} (next: ${c.nextStatuses.join(', ') || 'none'})\nplatform:   ${c.platform ?? '—'}\n`);
      io.stdout(`performers: ${c.performers.map((p) => `${p.name} (${p.id})`).join(', ')}\nsuspects:   ${c.suspects.map((s) => `${s.label} (${s.id})`).join(', ')}\n`);
      io.stdout(`grounds:    ${c.legal.grounds.map((x) => `${x.name.en} [${x.status}]`).join(', ') || c.legalGrounds || '—'}\n`);
      for (const h of c.history) io.stdout(`  ${h.at}  ${h.from ?? '—'} → ${h.to}  ${h.actor}${h.note ? `  ${h.note}` : ''}\n`);
      for (const e of c.exports) io.stdout(`  export ${e.fileName}  sha256 ${e.sha256}\n`);
    });

  cmd
    .command('status <id> <status>')
    .description('move a case along draft → sent → answered → removed / refused / escalated')
    .option('--note <note>', 'why (kept in the history and the audit log)')
    .action(async (id: string, status: string, o: { note?: string }) => {
      const g = globals();
      const c = await withCore(g, (ctx) => call(ctx, 'cases.updateStatus', { id, status: status as CaseStatus, note: o.note }));
      if (g.json) printJson(io, c);
      else io.stdout(`Case ${c.id} is now ${c.status}\n`);
    });

  cmd
    .command('update <id>')
    .description('change a case\'s title, platform, legal grounds or notes; "" clears a field')
    .option('--title <title>')
    .option('--platform <platform>')
    .option('--legal-grounds <text>')
    .option('--notes <notes>')
    .action(async (id: string, o: { title?: string; platform?: string; legalGrounds?: string; notes?: string }) => {
      const g = globals();
      const c = await withCore(g, (ctx) => call(ctx, 'cases.update', { id, ...o }));
      if (g.json) printJson(io, c);
      else io.stdout(`Updated case ${c.id}\n`);
    });
}
