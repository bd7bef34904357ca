import fs from 'node:fs';
import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../io.js';
import { CliFailure, call, printJson, withCore } from '../io.js';

const readText = (file: string, what: string): string => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliFailure(1, 'EVIDENCE_BAD_KEY', `Cannot read ${what} ${file}.`);
  }
};

/** `seimon evidence export|key|keys|trust|untrust|rotate-key|settings`. */
export function registerEvidenceCommands(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  const cmd = program.command('evidence').description('signed evidence packs (証拠パッケージ)');

  cmd
    .command('export <case>')
    .description('write a case\'s evidence pack (ZIP); redacted for a recipient unless --internal')
    .requiredOption('--out <file.zip>', 'where to write the pack (must not exist)')
    .option('--internal', 'an internal pack (keeps internal notes; may include the two options below)')
    .option('--include-reference-audio', 'internal packs: also include the performers\' reference recordings (sensitive)')
    .option('--include-other-performers', 'internal packs: name other performers and their scores in the standing tables')
    .option('--lang <lang>', 'report language: ja or en', 'ja')
    .action(async (caseId: string, o: { out: string; internal?: boolean; includeReferenceAudio?: boolean; includeOtherPerformers?: boolean; lang: string }) => {
      const g = globals();
      if (o.lang !== 'ja' && o.lang !== 'en') throw new CliFailure(2, 'INVALID_INPUT', '--lang must be ja or en');
      const r = await withCore(g, (ctx) =>
        call(ctx, 'evidence.exportTo', {
          caseId,
          out: o.out,
          lang: o.lang as 'ja' | 'en',
          audience: o.internal ? 'internal' : 'recipient',
          includeReferenceAudio: o.includeReferenceAudio === true,
          includeOtherPerformers: o.includeOtherPerformers === true,
        }),
      );
      if (g.json) printJson(io, r);
      else
        io.stdout(
          `Wrote ${r.path} (${r.files} files, ${r.sizeBytes} bytes, ${r.redacted ? 'redacted for a recipient' : 'internal'}${r.timestamped ? ', time-stamped' : ''})\nSHA-256 ${r.sha256}\n`,
        );
    });

  cmd
    .command('key')
    .description('show this installation\'s signing key (Ed25519) and its fingerprint')
    .option('--out <file.pem>', 'also write the public key to this file (to give to recipients)')
    .action(async (o: { out?: string }) => {
      const g = globals();
      const k = await withCore(g, (ctx) => call(ctx, 'evidence.key', {}));
      if (o.out) fs.writeFileSync(o.out, k.publicKeyPem, { flag: 'wx' });
      if (g.json) printJson(io, k);
      else io.stdout(`Ed25519 fingerprint (SHA-256): ${k.fingerprint}\n${k.publicKeyPem}`);
    });

  cmd
    .command('keys')
    .description('list the keys whose packs verify as "signed by a known key"')
    .action(async () => {
      const g = globals();
      const ks = await withCore(g, (ctx) => call(ctx, 'evidence.keys', {}));
      if (g.json) printJson(io, ks);
      else for (const k of ks) io.stdout(`${k.fingerprint}  ${k.source}${k.retiredAt ? ' (retired)' : ''}  ${k.label}\n`);
    });

  cmd
    .command('trust <public-key.pem>')
    .description('trust another signer\'s public key (e.g. the union\'s)')
    .requiredOption('--label <label>', 'whose key it is')
    .action(async (file: string, o: { label: string }) => {
      const g = globals();
      const k = await withCore(g, (ctx) => call(ctx, 'evidence.trustKey', { publicKeyPem: readText(file, 'the public key'), label: o.label }));
      if (g.json) printJson(io, k);
      else io.stdout(`Trusted ${k.fingerprint} (${k.label})\n`);
    });

  cmd
    .command('untrust <fingerprint>')
    .description('stop trusting an imported key')
    .action(async (fp: string) => {
      const g = globals();
      const ks = await withCore(g, (ctx) => call(ctx, 'evidence.untrustKey', { fingerprint: fp }));
      if (g.json) printJson(io, ks);
      else io.stdout(`${ks.length} trusted keys remain\n`);
    });

  cmd
    .command('rotate-key')
    .description('replace the installation key (the old public key stays trusted, marked retired)')
    .action(async () => {
      const g = globals();
      const k = await withCore(g, (ctx) => call(ctx, 'evidence.rotateKey', {}));
      if (g.json) printJson(io, k);
      else io.stdout(`New key: ${k.fingerprint}\n`);
    });

  cmd
    .command('settings')
    .description('show or set the examiner (required to export) and the time-stamping authority')
    .option('--examiner <name>', 'the examiner\'s name, printed in every report')
    .option('--role <role>', 'the examiner\'s role (e.g. 組合 権利保護担当)')
    .option('--tsa <url>', 'RFC 3161 time-stamping authority URL ("none" to turn off)')
    .action(async (o: { examiner?: string; role?: string; tsa?: string }) => {
      const g = globals();
      if ((o.examiner === undefined) !== (o.role === undefined)) throw new CliFailure(2, 'INVALID_INPUT', 'Give --examiner and --role together.');
      const s = await withCore(g, (ctx) =>
        o.examiner === undefined && o.tsa === undefined
          ? call(ctx, 'evidence.settings', {})
          : call(ctx, 'evidence.updateSettings', {
              ...(o.examiner !== undefined ? { examiner: { name: o.examiner, role: o.role ?? '' } } : {}),
              ...(o.tsa !== undefined ? { tsaUrl: o.tsa === 'none' ? null : o.tsa } : {}),
            }),
      );
      if (g.json) printJson(io, s);
      else io.stdout(`Examiner: ${s.examiner ? `${s.examiner.name} (${s.examiner.role})` : '(not set: exports are refused)'}\nTSA: ${s.tsaUrl ?? '(none)'}\n`);
    });
}
