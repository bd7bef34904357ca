import type { Command } from 'commander';
import { verifyPack } from '../../evidence/verify.js';
import type { CliIo, GlobalOptions } from '../io.js';
import { CliFailure, printJson } from '../io.js';

/** `seimon verify PACK.zip`: needs only the pack (no data folder, no database). */
export function registerVerifyCommand(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  program
    .command('verify <pack>')
    .description('verify an evidence pack: structure, every file\'s SHA-256, and the Ed25519 signature')
    .action((file: string) => {
      const r = verifyPack(file);
      if (globals().json) printJson(io, r);
      if (!r.ok) throw new CliFailure(1, 'EVIDENCE_VERIFY_FAILED', r.file ? `${r.file}: ${r.reason}` : r.reason);
      if (!globals().json) io.stdout(`verified: ${r.files} files intact, signature good (key ${r.fingerprint})\n`);
    });
}
