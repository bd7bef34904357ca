import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../io.js';
import { call, printJson, withCore } from '../io.js';
import { formatTable } from '../table.js';
import type { Performer } from '../../api/contract.js';

function printPerformers(io: CliIo, list: Performer[]): void {
  if (list.length === 0) {
    io.stdout('No performers yet. Add one with: seimon performer add --name NAME\n');
    return;
  }
  io.stdout(
    formatTable(
      ['id', 'name', 'kana', 'romaji', 'agency'],
      list.map((p) => [p.id, p.name, p.kana, p.romaji, p.agency]),
    ) + '\n',
  );
}

/** `seimon performer add|list|update|remove`. */
export function registerPerformerCommands(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  const performer = program.command('performer').description('manage performers (声優)');

  performer
    .command('add')
    .description('add a performer')
    .requiredOption('--name <name>', 'name as written (kanji)')
    .option('--kana <kana>', 'reading in kana')
    .option('--romaji <romaji>', 'name in romaji')
    .option('--agency <agency>', 'agency (事務所)')
    .option('--notes <notes>', 'free notes')
    .action(async (o: { name: string; kana?: string; romaji?: string; agency?: string; notes?: string }) => {
      const g = globals();
      const p = await withCore(g, (ctx) => call(ctx, 'performers.create', o));
      if (g.json) printJson(io, p);
      else io.stdout(`Added performer ${p.name} (${p.id})\n`);
    });

  performer
    .command('list')
    .description('list performers')
    .action(async () => {
      const g = globals();
      const list = await withCore(g, (ctx) => call(ctx, 'performers.list', {}));
      if (g.json) printJson(io, list);
      else printPerformers(io, list);
    });

  performer
    .command('update <id>')
    .description('change a performer; pass "" to clear a field')
    .option('--name <name>')
    .option('--kana <kana>')
    .option('--romaji <romaji>')
    .option('--agency <agency>')
    .option('--notes <notes>')
    .action(async (id: string, o: Record<string, string>) => {
      const g = globals();
      const p = await withCore(g, (ctx) => call(ctx, 'performers.update', { id, ...o }));
      if (g.json) printJson(io, p);
      else io.stdout(`Updated performer ${p.name} (${p.id})\n`);
    });

  performer
    .command('remove <id>')
    .description('remove a performer')
    .action(async (id: string) => {
      const g = globals();
      const r = await withCore(g, (ctx) => call(ctx, 'performers.remove', { id }));
      if (g.json) printJson(io, r);
      else io.stdout(`Removed performer ${r.id}\n`);
    });
}
