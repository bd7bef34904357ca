import fs from 'node:fs';
import type { Command } from 'commander';
import type { PackVerification } from '../../api/contract.js';
import type { CliIo, GlobalOptions } from '../io.js';
import { CliFailure, call, printJson, withCore } from '../io.js';

const CONTAINER: Record<PackVerification['container'], string> = {
  original: 'container as written',
  repacked: 'container re-packed',
  folder: 'extracted folder',
};

/** One line per finding, in the order a reader needs them. */
export function verificationText(r: PackVerification): string {
  const lines: string[] = [];
  if (r.verdict === 'failed') lines.push(`FAILED: ${r.problem?.file ? `${r.problem.file}: ` : ''}${r.problem?.reason ?? ''}`);
  else {
    lines.push(`contents intact (${r.files} files); ${CONTAINER[r.container]}`);
    lines.push(r.signer?.known ? `signed by a known key: ${r.signer.fingerprint} (${r.signer.label ?? ''})` : `signed by an UNKNOWN key: ${r.signer?.fingerprint ?? ''} (compare it with the sender's fingerprint; trust it with --key)`);
    lines.push(`pack: ${r.redacted === true ? 'redacted, for a recipient' : r.redacted === false ? 'internal' : 'unknown kind'}`);
  }
  if (r.timestamp.status === 'valid')
    lines.push(`trusted time: ${r.timestamp.time} by ${r.timestamp.subject}${r.timestamp.chainTrusted === null ? ' (TSA certificate not checked against a CA: give --tsa-ca)' : ''}`);
  else if (r.verdict !== 'failed') lines.push(`trusted time: none${r.timestamp.note ? ` (${r.timestamp.note})` : ''}`);
  if (r.record.status === 'mismatch') lines.push(`audit log: this pack's SHA-256 ${r.record.actualSha256 ?? '(folder)'} differs from the one recorded at export (${r.record.recordedSha256}): the container was changed`);
  else if (r.record.status === 'match') lines.push('audit log: the pack SHA-256 matches the export record');
  return lines.join('\n') + '\n';
}

/** A `--key` value: a PEM file's text, or a fingerprint typed with or without spaces/colons. */
function keyArgument(k: string): string {
  if (fs.existsSync(k)) {
    try {
      return fs.readFileSync(k, 'utf8');
    } catch {
      throw new CliFailure(1, 'EVIDENCE_BAD_KEY', `Cannot read the key file ${k}.`);
    }
  }
  const hex = k.replace(/[\s:]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new CliFailure(2, 'EVIDENCE_BAD_KEY', `--key ${k}: neither a public key file nor a 64-hex-digit fingerprint.`);
  return hex.match(/.{4}/g)!.join(' ');
}

function caArgument(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliFailure(1, 'EVIDENCE_TSA_CA_UNREADABLE', `Cannot read the TSA CA certificate file ${file}.`);
  }
}

/** `seimon verify PACK.zip|FOLDER`: verdicts through the handler map, like the app. */
export function registerVerifyCommand(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  program
    .command('verify <pack>')
    .description('verify an evidence pack (ZIP or extracted folder): every file, the signature, which key signed it, the time-stamp')
    .option('--key <fingerprint-or-pem-file>', 'a key you trust for this check (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--tsa-ca <file.pem>', 'CA certificate(s) the time-stamping authority must chain to')
    .action(async (target: string, o: { key: string[]; tsaCa?: string }) => {
      const g = globals();
      const keys = o.key.map(keyArgument);
      const tsaCaPems = o.tsaCa ? [caArgument(o.tsaCa)] : [];
      const r = await withCore(g, (ctx) => call(ctx, 'evidence.verifyPath', { path: target, keys, tsaCaPems }));
      if (g.json) printJson(io, r);
      else io.stdout(verificationText(r));
      if (r.verdict !== 'verified') throw new CliFailure(1, r.problem?.code ?? 'EVIDENCE_VERIFY_FAILED', r.problem?.reason ?? 'not verified');
    });
}
