import type { Command } from 'commander';
import type { JobStatus, ModelSummary } from '../../api/contract.js';
import type { CliIo, GlobalOptions, Session } from '../io.js';
import { CliFailure, call, printJson, withCore } from '../io.js';
import { exitCodeFor } from '../exit-codes.js';
import { formatTable } from '../table.js';

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

function describeModel(m: ModelSummary, already: boolean): string {
  const verb = already ? 'Already installed' : 'Installed';
  return `${verb}: ${m.displayName} (${m.id})\n  preset ${m.preset}, ${m.embeddingDim}-dim, ${mb(m.sizeBytes)}\n  sha256 ${m.sha256}\n`;
}

/** A catalog id (letters, digits, dashes) rather than an address. */
const isCatalogId = (s: string) => /^[a-z0-9][a-z0-9+._-]{0,99}$/.test(s);

/** Progress lines on stderr, at most one a second, and always the last one. */
function progressPrinter(io: CliIo): (job: JobStatus) => void {
  let last = 0;
  let lastDone = -1;
  return (job) => {
    const now = Date.now();
    const final = job.state !== 'running';
    if (job.done === lastDone || (!final && now - last < 1000)) return;
    last = now;
    lastDone = job.done;
    const total = job.total > 0 && job.total >= job.done ? job.total : null;
    const pct = total ? ` (${Math.floor((100 * job.done) / total)}%)` : '';
    io.stderr(`  ${mb(job.done)}${total ? ` / ${mb(total)}` : ''}${pct}\n`);
  };
}

/** Follows the install job (polling `jobs.status` like the app), cancelling it on Ctrl-C. */
async function followInstall(ctx: Session, io: CliIo, started: JobStatus): Promise<JobStatus> {
  const print = progressPrinter(io);
  const onSigint = () => void call(ctx, 'jobs.cancel', { id: started.id });
  process.once('SIGINT', onSigint);
  try {
    let job = started;
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 100));
      job = await call(ctx, 'jobs.status', { id: started.id });
      print(job);
    }
    return job;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

/** `seimon models import|install|list|verify|catalog|default`: every one an operation of the handler map. */
export function registerModelCommands(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  const models = program.command('models').description('manage speaker-embedding models (ONNX)');

  models
    .command('import <file>')
    .description('import a local .onnx speaker model')
    .option('--preset <preset>', 'audio front-end when the model does not say: wespeaker or 3dspeaker')
    .option('--name <name>', 'display name')
    .action(async (file: string, o: { preset?: string; name?: string }) => {
      const g = globals();
      const r = await withCore(g, (ctx) => call(ctx, 'models.importPath', { path: file, preset: o.preset ?? null, displayName: o.name ?? null }));
      if (g.json) printJson(io, r);
      else io.stdout(describeModel(r.model, r.alreadyInstalled));
    });

  models
    .command('install <source>')
    .description('download a model by catalog id (see: seimon models catalog), or from an http(s) URL with --sha256; resumes')
    .option('--sha256 <hex>', 'for a URL: the SHA-256 the file must have (required; any other bytes are refused)')
    .option('--preset <preset>', 'audio front-end when the model does not say: wespeaker or 3dspeaker')
    .option('--name <name>', 'display name')
    .option('--stall-timeout <seconds>', 'give up when the server sends nothing for this long', '30')
    .action(async (source: string, o: { sha256?: string; preset?: string; name?: string; stallTimeout: string }) => {
      const g = globals();
      await withCore(g, async (ctx) => {
        const before = new Set((await call(ctx, 'models.list', {})).map((m) => m.id));
        const started = isCatalogId(source)
          ? await call(ctx, 'models.install', { catalogId: source })
          : await call(ctx, 'models.installUrl', {
              url: source,
              sha256: o.sha256 ?? null,
              preset: o.preset ?? null,
              displayName: o.name ?? null,
              stallTimeoutSeconds: Math.min(3600, Math.max(1, Number(o.stallTimeout) || 30)),
            });
        io.stderr(`Downloading ${source}\n`);
        const job = await followInstall(ctx, io, started);
        if (job.state !== 'done' || !job.resultId) {
          const code = job.error?.code ?? 'MODEL_DOWNLOAD_ABORTED';
          throw new CliFailure(exitCodeFor(code), code, job.error?.message ?? `install ${job.state}`);
        }
        const model = (await call(ctx, 'models.list', {})).find((m) => m.id === job.resultId);
        if (!model) throw new CliFailure(1, 'INTERNAL', `the installed model ${job.resultId} is not listed`);
        const alreadyInstalled = before.has(model.id);
        if (g.json) printJson(io, { model, alreadyInstalled });
        else io.stdout(describeModel(model, alreadyInstalled));
      });
    });

  models
    .command('list')
    .description('list installed models')
    .action(async () => {
      const g = globals();
      const list = await withCore(g, (ctx) => call(ctx, 'models.list', {}));
      if (g.json) return printJson(io, list);
      if (list.length === 0) return io.stdout('No models installed. See: seimon models catalog\n');
      const rows = list.map((m) => [m.isDefault ? '*' : '', m.id, m.displayName, m.preset, m.embeddingDim, m.sha256.slice(0, 16)]);
      io.stdout(formatTable(['default', 'id', 'name', 'preset', 'dim', 'sha256'], rows) + '\n');
    });

  models
    .command('verify')
    .description('re-hash every model file; exit 1 if any changed or is missing')
    .action(async () => {
      const g = globals();
      const checks = await withCore(g, (ctx) => call(ctx, 'models.verify', {}));
      if (g.json) printJson(io, checks);
      else io.stdout(formatTable(['id', 'status', 'file'], checks.map((c) => [c.id, c.status, c.file])) + '\n');
      const bad = checks.filter((c) => c.status !== 'ok');
      if (bad.length > 0) {
        const names = bad.map((c) => `${c.id} (${c.status})`).join(', ');
        throw new CliFailure(1, 'MODEL_HASH_MISMATCH', `Model files changed or missing: ${names}. Reinstall them.`);
      }
    });

  models
    .command('catalog')
    .description('list models that can be installed by id (each pinned to its published SHA-256 and size)')
    .action(async () => {
      const g = globals();
      const items = await withCore(g, (ctx) => call(ctx, 'models.catalog', {}));
      if (g.json) return printJson(io, items);
      const rows = items.map((e) => [e.id, e.displayName, e.preset, e.embeddingDim, e.licence, mb(e.sizeBytes), e.sha256.slice(0, 16), e.installedModelId ? 'yes' : '']);
      io.stdout(formatTable(['id', 'name', 'preset', 'dim', 'licence', 'size', 'sha256', 'installed'], rows) + '\n');
    });

  models
    .command('default <id>')
    .description('use this model when none is named')
    .action(async (id: string) => {
      const g = globals();
      const m = await withCore(g, (ctx) => call(ctx, 'models.setDefault', { id }));
      if (g.json) printJson(io, m);
      else io.stdout(`Default model: ${m.displayName} (${m.id})\n`);
    });
}
