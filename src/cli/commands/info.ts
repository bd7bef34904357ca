import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../io.js';
import { call, printJson, withCore } from '../io.js';

/** `seimon info`: version, data folder and schema version. */
export function registerInfoCommand(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  program
    .command('info')
    .description('show version, data folder and database schema version')
    .action(async () => {
      const g = globals();
      const info = await withCore(g, (ctx) => call(ctx, 'app.info', {}));
      if (g.json) printJson(io, info);
      else
        io.stdout(
          `Seimon ${info.version}\ndata folder: ${info.dataDir}\ndatabase:    ${info.databaseFile}\nschema:      ${info.schemaVersion}\n`,
        );
    });
}
