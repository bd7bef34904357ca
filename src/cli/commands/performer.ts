import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../io.js';
import { call, printJson, withCore } from '../io.js';
import { formatTable } from '../table.js';
import type { Performer, VoiceprintStatus } from '../../api/contract.js';
import type { CoreContext } from '../../api/session.js';
import type { BatchOutcome } from '../import-files.js';
import { failIfAnyNotImported, importBatch } from '../import-files.js';
import { CliFailure } from '../io.js';

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

/** Imports references (reporting bad files and going on), then enrolls; prints ids for scripts. */
async function addReferences(ctx: CoreContext, io: CliIo, json: boolean, p: Performer, files: string[], modelId?: string, created = false): Promise<void> {
  const batch: BatchOutcome = await importBatch(io, files, (name, bytes) => call(ctx, 'references.import', { performerId: p.id, name, bytes }));
  if (created && files.length > 0 && batch.imported.length === 0) {
    // Files were given and none could be imported: keep no empty performer (a retry would duplicate it).
    await call(ctx, 'performers.remove', { id: p.id });
    if (json) printJson(io, { ...p, kept: false, recordings: [], failed: batch.failed, voiceprint: null });
    else io.stderr(`Performer ${p.name} was not kept: none of the files could be imported.\n`);
    failIfAnyNotImported(files, batch);
  }
  let voiceprint: VoiceprintStatus | null = null;
  let enrollError: CliFailure | null = null;
  if (batch.imported.length > 0 || (files.length === 0 && p.referenceCount > 0)) {
    try {
      voiceprint = await call(ctx, 'performers.enroll', { id: p.id, modelId: modelId ?? null });
    } catch (e) {
      if (!(e instanceof CliFailure)) throw e;
      enrollError = e;
    }
  }
  // Without files the output is the performer itself, as `performer list --json` prints it.
  if (json && files.length === 0 && !voiceprint) printJson(io, p);
  else if (json) printJson(io, { ...p, referenceCount: p.referenceCount + batch.imported.filter((r) => !r.duplicate).length, recordings: batch.imported, failed: batch.failed, voiceprint });
  else {
    for (const r of batch.imported) {
      const weak = r.weakReasons ? ` (weak: ${r.weakReasons.join(', ')})` : '';
      io.stdout(`${r.duplicate ? 'Already had' : 'Imported'} ${r.file} as ${r.id}${weak}\n`);
    }
    if (voiceprint) io.stdout(`Voiceprint under ${voiceprint.modelId}: ${voiceprint.references} references, ${voiceprint.speechSeconds.toFixed(1)} s of speech\n`);
  }
  failIfAnyNotImported(files, batch);
  if (enrollError) throw enrollError;
}

/** `seimon performer add|enroll|list|update|remove`. */
export function registerPerformerCommands(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  const performer = program.command('performer').description('manage performers (声優)');

  performer
    .command('add [files...]')
    .description('add a performer, import reference recordings and enroll them')
    .requiredOption('--name <name>', 'name as written (kanji)')
    .option('--kana <kana>', 'reading in kana')
    .option('--romaji <romaji>', 'name in romaji')
    .option('--agency <agency>', 'agency (事務所)')
    .option('--notes <notes>', 'free notes')
    .option('--model <id>', 'model to enroll with (default: the default model)')
    .action(async (files: string[], o: { name: string; kana?: string; romaji?: string; agency?: string; notes?: string; model?: string }) => {
      const g = globals();
      const { model, ...fields } = o;
      await withCore(g, async (ctx) => {
        const p = await call(ctx, 'performers.create', fields);
        if (!g.json) io.stdout(`Added performer ${p.name} (${p.id})\n`);
        await addReferences(ctx, io, g.json === true, p, files, model, true);
      });
    });

  performer
    .command('enroll <id> [files...]')
    .description("import reference recordings for a performer and (re)build the performer's voiceprint")
    .option('--model <id>', 'model to enroll with (default: the default model)')
    .action(async (id: string, files: string[], o: { model?: string }) => {
      const g = globals();
      await withCore(g, async (ctx) => {
        const p = await call(ctx, 'performers.get', { id });
        await addReferences(ctx, io, g.json === true, p, files, o.model);
      });
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
