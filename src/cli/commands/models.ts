import type { Command } from 'commander';
import type { CoreContext } from '../../core/context.js';
import { isSeimonError } from '../../core/errors.js';
import type { ModelSummary } from '../../models/manifest.js';
import type { DownloadProgress } from '../../models/download.js';
import { registerBundledModels } from '../../models/bundled.js';
import { importModelFile } from '../../models/import.js';
import { installModel } from '../../models/install.js';
import { setDefaultModel } from '../../models/registry.js';
import { verifyAllModels } from '../../models/verify.js';
import type { CliIo, GlobalOptions } from '../io.js';
import { CliFailure, call, printJson, withCore } from '../io.js';
import { formatTable } from '../table.js';

/** Codes that mean the user must say more (exit 2, like bad usage). */
const USAGE_CODES = new Set(['MODEL_PRESET_REQUIRED', 'MODEL_BAD_PRESET', 'MODEL_UNKNOWN_SOURCE']);

/** Opens the core with the bundled models registered, and reports model errors as CLI failures. */
async function withModels<T>(g: GlobalOptions, fn: (ctx: CoreContext) => Promise<T>): Promise<T> {
  return withCore(g, async (ctx) => {
    try {
      await registerBundledModels(ctx);
      return await fn(ctx);
    } catch (e) {
      if (isSeimonError(e))
        throw new CliFailure(USAGE_CODES.has(e.code) ? 2 : 1, e.code, e.message);
      throw e;
    }
  });
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

function describeModel(m: ModelSummary, already: boolean): string {
  const verb = already ? 'Already installed' : 'Installed';
  return `${verb}: ${m.displayName} (${m.id})\n  preset ${m.preset}, ${m.embeddingDim}-dim, ${mb(m.sizeBytes)}\n  sha256 ${m.sha256}\n`;
}

/** Progress lines on stderr, at most one a second. */
function progressPrinter(io: CliIo): (p: DownloadProgress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 1000 && p.receivedBytes !== p.totalBytes) return;
    last = now;
    const pct = p.totalBytes ? ` (${Math.floor((100 * p.receivedBytes) / p.totalBytes)}%)` : '';
    const of = p.totalBytes ? ` / ${mb(p.totalBytes)}` : '';
    const resumed = p.resumedFrom > 0 ? `, resumed at ${mb(p.resumedFrom)}` : '';
    io.stderr(`  ${mb(p.receivedBytes)}${of}${pct}${resumed}\n`);
  };
}

/** `seimon models import|install|list|verify|catalog|default`. */
export function registerModelCommands(
  program: Command,
  io: CliIo,
  globals: () => GlobalOptions,
): void {
  const models = program.command('models').description('manage speaker-embedding models (ONNX)');

  models
    .command('import <file>')
    .description('import a local .onnx speaker model')
    .option(
      '--preset <preset>',
      'audio front-end when the model does not say: wespeaker or 3dspeaker',
    )
    .option('--name <name>', 'display name')
    .action(async (file: string, o: { preset?: string; name?: string }) => {
      const g = globals();
      const r = await withModels(g, (ctx) =>
        importModelFile(ctx, file, { preset: o.preset, displayName: o.name }),
      );
      if (g.json) printJson(io, r);
      else io.stdout(describeModel(r.model, r.alreadyInstalled));
    });

  models
    .command('install <source>')
    .description(
      'download a model by catalog id (see: seimon models catalog) or http(s) URL; resumes',
    )
    .option(
      '--preset <preset>',
      'audio front-end when the model does not say: wespeaker or 3dspeaker',
    )
    .option('--name <name>', 'display name')
    .option(
      '--stall-timeout <seconds>',
      'give up when the server sends nothing for this long',
      '30',
    )
    .action(async (source: string, o: { preset?: string; name?: string; stallTimeout: string }) => {
      const g = globals();
      const abort = new AbortController();
      const onSigint = () => abort.abort();
      process.once('SIGINT', onSigint);
      try {
        io.stderr(`Downloading ${source}\n`);
        const r = await withModels(g, (ctx) =>
          installModel(ctx, source, {
            preset: o.preset,
            displayName: o.name,
            stallTimeoutMs: Math.max(1, Number(o.stallTimeout) || 30) * 1000,
            onProgress: progressPrinter(io),
            signal: abort.signal,
          }),
        );
        if (g.json) printJson(io, r);
        else io.stdout(describeModel(r.model, r.alreadyInstalled));
      } finally {
        process.removeListener('SIGINT', onSigint);
      }
    });

  models
    .command('list')
    .description('list installed models')
    .action(async () => {
      const g = globals();
      const list = await withModels(g, (ctx) => call(ctx, 'models.list', {}));
      if (g.json) return printJson(io, list);
      if (list.length === 0) return io.stdout('No models installed. See: seimon models catalog\n');
      const rows = list.map((m) => [
        m.isDefault ? '*' : '',
        m.id,
        m.displayName,
        m.preset,
        m.embeddingDim,
        m.sha256.slice(0, 16),
      ]);
      io.stdout(formatTable(['default', 'id', 'name', 'preset', 'dim', 'sha256'], rows) + '\n');
    });

  models
    .command('verify')
    .description('re-hash every model file; exit 1 if any changed or is missing')
    .action(async () => {
      const g = globals();
      const checks = await withModels(g, (ctx) => verifyAllModels(ctx));
      if (g.json) printJson(io, checks);
      else
        io.stdout(
          formatTable(
            ['id', 'status', 'file'],
            checks.map((c) => [c.id, c.status, c.file]),
          ) + '\n',
        );
      const bad = checks.filter((c) => c.status !== 'ok');
      if (bad.length > 0) {
        const names = bad.map((c) => `${c.id} (${c.status})`).join(', ');
        throw new CliFailure(
          1,
          'MODEL_HASH_MISMATCH',
          `Model files changed or missing: ${names}. Reinstall them.`,
        );
      }
    });

  models
    .command('catalog')
    .description('list models that can be installed by id')
    .action(async () => {
      const g = globals();
      const items = await withModels(g, (ctx) => call(ctx, 'models.catalog', {}));
      if (g.json) return printJson(io, items);
      const rows = items.map((e) => [
        e.id,
        e.displayName,
        e.preset,
        e.embeddingDim,
        e.licence,
        e.installedModelId ? 'yes' : '',
      ]);
      io.stdout(formatTable(['id', 'name', 'preset', 'dim', 'licence', 'installed'], rows) + '\n');
    });

  models
    .command('default <id>')
    .description('use this model when none is named')
    .action(async (id: string) => {
      const g = globals();
      const m = await withModels(g, async (ctx) => setDefaultModel(ctx, id));
      if (g.json) printJson(io, m);
      else io.stdout(`Default model: ${m.displayName} (${m.id})\n`);
    });
}
