import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../io.js';
import { call, printJson, withCore } from '../io.js';
import { failIfAnyNotImported, importBatch } from '../import-files.js';
import { formatTable } from '../table.js';

interface SuspectOptions {
  label: string;
  kind: 'voice_model' | 'clip';
  service?: string;
  operator?: string;
  character?: string;
  url?: string;
  platform?: string;
  uploader?: string;
  capturedAt?: string;
  notes?: string;
}

/** `seimon suspect add|list`. */
export function registerSuspectCommands(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  const suspect = program.command('suspect').description('manage suspect AI voices and clips (疑義音声)');

  suspect
    .command('add [files...]')
    .description('register a suspect AI voice model or clip, with its sample clips')
    .requiredOption('--label <label>', 'what to call it (voice or character name, clip title)')
    .option('--kind <kind>', 'voice_model or clip', 'voice_model')
    .option('--service <service>', 'AI voice service')
    .option('--operator <operator>', 'who runs the service')
    .option('--character <name>', 'character or voice name on the service')
    .option('--url <url>', 'where it was found (http/https)')
    .option('--platform <platform>', 'platform a clip was posted on')
    .option('--uploader <uploader>', 'who posted the clip')
    .option('--captured-at <when>', 'when it was captured')
    .option('--notes <notes>', 'free notes')
    .action(async (files: string[], o: SuspectOptions) => {
      const g = globals();
      await withCore(g, async (ctx) => {
        const { character, ...rest } = o;
        const s = await call(ctx, 'suspects.create', { ...rest, characterName: character ?? null });
        const batch = await importBatch(io, files, (name, bytes) => call(ctx, 'suspects.importClip', { suspectId: s.id, name, bytes }));
        // Files were given and none could be imported: keep no empty suspect (a retry would duplicate it).
        const kept = files.length === 0 || batch.imported.length > 0;
        if (!kept) await call(ctx, 'suspects.remove', { id: s.id });
        if (g.json) printJson(io, { id: s.id, label: s.label, kind: s.kind, kept, recordings: batch.imported, failed: batch.failed });
        else if (kept) {
          io.stdout(`Added suspect ${s.label} (${s.id})\n`);
          for (const r of batch.imported) io.stdout(`${r.duplicate ? 'Already had' : 'Imported'} ${r.file} as ${r.id}\n`);
        } else io.stderr(`Suspect ${s.label} was not kept: none of its files could be imported.\n`);
        failIfAnyNotImported(files, batch);
      });
    });

  suspect
    .command('list')
    .description('list suspects')
    .action(async () => {
      const g = globals();
      const list = await withCore(g, (ctx) => call(ctx, 'suspects.list', {}));
      if (g.json) printJson(io, list);
      else if (list.length === 0) io.stdout('No suspects yet. Add one with: seimon suspect add --label LABEL FILES...\n');
      else io.stdout(formatTable(['id', 'label', 'kind', 'service', 'clips'], list.map((s) => [s.id, s.label, s.kind, s.service, s.clips.length])) + '\n');
    });
}
