import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../io.js';
import { CliFailure, call, printJson, waitForJob, withCore } from '../io.js';
import { formatTable } from '../table.js';
import { populationLines } from '../population-lines.js';

const fixed = (x: number | null, d: number) => (x === null ? '' : x.toFixed(d));

/** `seimon screen` and `seimon compare-ids`. */
export function registerScreenCommands(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  program
    .command('screen')
    .description('screen every suspect against every performer and rank the matches')
    .option('--model <id>', 'model (default: the default model)')
    .option('--limit <n>', 'matches to print (default 50; --json prints all)', '50')
    .action(async (o: { model?: string; limit: string }) => {
      const g = globals();
      await withCore(g, async (ctx) => {
        const started = await call(ctx, 'screening.start', { modelId: o.model ?? null });
        const job = await waitForJob(ctx, started.id);
        for (const p of job.problems) io.stderr(`warning ${p.code}: ${p.item}: ${p.message}\n`);
        if (job.state !== 'done' || !job.resultId) throw new CliFailure(1, job.error?.code ?? 'CANCELLED', job.error?.message ?? `screening ${job.state}`);
        const run = await call(ctx, 'screening.latest', { modelId: o.model ?? null });
        if (!run) throw new CliFailure(1, 'INTERNAL', 'the finished run was not found');
        const performer = new Map(run.performers.map((p) => [p.id, p.name]));
        const suspect = new Map(run.suspects.map((s) => [s.id, s.label]));
        const matches = run.matches.map((m) => ({ ...m, performerName: performer.get(m.performerId) ?? '', suspectLabel: suspect.get(m.suspectId) ?? '' }));
        if (g.json) {
          printJson(io, { runId: run.id, model: run.model, population: run.population, matches, skipped: run.skipped, problems: job.problems });
          return;
        }
        io.stdout(`Model ${run.model.id} (${run.model.sha256.slice(0, 12)}…)${run.model.calibrated ? '' : ' — uncalibrated: raw cosine only'}\n`);
        io.stdout(
          formatTable(
            ['rank', 'suspect', 'performer', '%', 'band', 'llr', 'as-norm', 'cosine'],
            matches.slice(0, Number(o.limit) || 50).map((m) => [m.rank, m.suspectLabel, m.performerName, fixed(m.percent, 1), m.band, fixed(m.llr, 2), fixed(m.normalized, 2), fixed(m.rawCosine, 3)]),
          ) + '\n',
        );
        for (const line of populationLines(run.model.calibrated ? run.population : null)) io.stdout(`${line}\n`);
      });
    });

  program
    .command('compare-ids <performer> <suspect>')
    .description('compare one enrolled performer with one suspect: score, meaning and timeline')
    .option('--model <id>', 'model (default: the default model)')
    .option('--lang <lang>', 'language of the explanation (ja or en)', 'en')
    .action(async (performerId: string, suspectId: string, o: { model?: string; lang: string }) => {
      const g = globals();
      const lang = o.lang === 'ja' ? 'ja' : 'en';
      const c = await withCore(g, (ctx) => call(ctx, 'compare.get', { performerId, suspectId, modelId: o.model ?? null, lang }));
      if (g.json) {
        printJson(io, c);
        return;
      }
      io.stdout(`${c.performer.name} × ${c.suspect.label} — model ${c.model.id}\n${c.meaning}\n`);
      io.stdout(formatTable(['start', 'end', '%', 'cosine'], c.timeline.map((p) => [p.start.toFixed(1), p.end.toFixed(1), fixed(p.percent, 1), p.rawCosine.toFixed(3)])) + '\n');
      for (const cv of c.caveats) io.stdout(`! ${cv}\n`);
      for (const line of populationLines(c.model.calibrated ? c.population : null)) io.stdout(`${line}\n`);
    });
}
