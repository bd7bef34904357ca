import { exitCodeFor } from '../exit-codes.js';
import path from 'node:path';
import type { Command } from 'commander';
import { exportEvidencePack } from '../../evidence/pack/export.js';
import { isSeimonError } from '../../core/errors.js';
import type { CliIo, GlobalOptions } from '../io.js';
import { CliFailure, call, printJson, withCore } from '../io.js';

/** `seimon evidence export|key`. */
export function registerEvidenceCommands(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  const cmd = program.command('evidence').description('signed evidence packs (証拠パッケージ)');

  cmd
    .command('export <case>')
    .description('write a case\'s evidence pack (ZIP: manifest, signature, clips, scores, audit entries, report HTML/PDF)')
    .requiredOption('--out <file.zip>', 'where to write the pack (must not exist)')
    .option('--include-reference-audio', 'also include the performers\' reference recordings (sensitive)')
    .option('--lang <lang>', 'report language: ja or en', 'ja')
    .action(async (caseId: string, o: { out: string; includeReferenceAudio?: boolean; lang: string }) => {
      const g = globals();
      if (o.lang !== 'ja' && o.lang !== 'en') throw new CliFailure(2, 'INVALID_INPUT', '--lang must be ja or en');
      const r = await withCore(g, async (ctx) => {
        try {
          return await exportEvidencePack(ctx, { caseId, out: path.resolve(o.out), lang: o.lang as 'ja' | 'en', includeReferenceAudio: o.includeReferenceAudio === true });
        } catch (e) {
          if (isSeimonError(e)) throw new CliFailure(exitCodeFor(e.code), e.code, e.message);
          throw e;
        }
      });
      if (g.json) printJson(io, r);
      else io.stdout(`Wrote ${r.path} (${r.files} files, ${r.sizeBytes} bytes)\nSHA-256 ${r.sha256}\n`);
    });

  cmd
    .command('key')
    .description('show this installation\'s signing key (Ed25519) and its fingerprint')
    .action(async () => {
      const g = globals();
      const k = await withCore(g, (ctx) => call(ctx, 'evidence.key', {}));
      if (g.json) printJson(io, k);
      else io.stdout(`Ed25519 fingerprint (SHA-256): ${k.fingerprint}\n${k.publicKeyPem}`);
    });
}
