import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../api/session.js';
import { revealBidi } from '../core/bidi.js';
import type { CliIo, GlobalOptions } from './io.js';
import { CliFailure } from './io.js';
import { registerInfoCommand } from './commands/info.js';
import { registerPerformerCommands } from './commands/performer.js';
import { registerModelCommands } from './commands/models.js';
import { registerAudioCommands } from './commands/audio.js';
import { registerEmbedCommands } from './commands/embed.js';
import { registerEvalCommands } from './commands/eval.js';
import { registerCaseCommands } from './commands/case.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerEvidenceCommands } from './commands/evidence.js';
import { registerVerifyCommand } from './commands/verify.js';
import { registerSuspectCommands } from './commands/suspect.js';
import { registerScreenCommands } from './commands/screen.js';
import { registerLetterCommands, registerLettersCommands } from './commands/letter.js';
import { registerCaptureCommand } from './commands/capture.js';
import { registerDoctorCommand } from './commands/doctor.js';

// The terminal is an output too: bidi controls are shown as markers, never obeyed (printJson escapes them first).
const defaultIo: CliIo = {
  stdout: (s) => process.stdout.write(revealBidi(s)),
  stderr: (s) => process.stderr.write(revealBidi(s)),
};

/** Builds the `seimon` command tree; each feature registers its own subcommands. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('seimon')
    .description('Seimon (声紋): voice-similarity workbench for performers')
    .version(APP_VERSION)
    .option('--data-dir <dir>', 'data folder (default: $SEIMON_DATA_DIR or the OS app-data folder)')
    .option('--json', 'print machine-readable JSON')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();
  const globals = () => program.opts<GlobalOptions>();
  registerInfoCommand(program, io, globals);
  registerPerformerCommands(program, io, globals);
  registerModelCommands(program, io, globals);
  registerAudioCommands(program, io, globals);
  registerEmbedCommands(program, io, globals);
  registerEvalCommands(program, io, globals);
  registerCaseCommands(program, io, globals);
  registerAuditCommands(program, io, globals);
  registerEvidenceCommands(program, io, globals);
  registerVerifyCommand(program, io, globals);
  registerSuspectCommands(program, io, globals);
  registerScreenCommands(program, io, globals);
  registerLetterCommands(program, io, globals);
  registerLettersCommands(program, io, globals);
  registerCaptureCommand(program, io, globals);
  registerDoctorCommand(program, io, globals);
  for (const c of program.commands) c.exitOverride();
  return program;
}

/** Runs the CLI on argv (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      return 2;
    }
    if (e instanceof CliFailure) {
      io.stderr(`error ${e.code}: ${e.message}\n`);
      return e.exitCode;
    }
    io.stderr(`error INTERNAL: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
