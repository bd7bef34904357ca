import type { Command } from 'commander';
import type { FilesComparison } from '../../api/contract.js';
import { formatSimilarity } from '../../api/contract.js';
import type { CliIo, GlobalOptions } from '../io.js';
import { call, printJson, withCore } from '../io.js';

const round = (x: number, d = 6) => Math.round(x * 10 ** d) / 10 ** d;

/** The JSON `seimon compare --json` prints (kept flat for scripts: cosine, asNorm, llr, percent, band). */
function compareJson(c: FilesComparison) {
  const r = c.reading;
  return {
    model: c.model,
    cosine: round(r.rawCosine),
    asNorm: r.normalized === null ? null : round(r.normalized, 4),
    llr: r.llr === null ? null : round(r.llr, 4),
    percent: r.percent === null ? null : round(r.percent, 3),
    band: r.band,
    population: c.population,
    meaning: c.meaning,
    notes: c.notes,
    a: c.a,
    b: c.b,
  };
}

function compareText(c: FilesComparison): string {
  const r = c.reading;
  const cos = `cosine ${r.rawCosine.toFixed(4)}`;
  const norm = r.normalized === null ? '' : `, normalised ${r.normalized.toFixed(2)}`;
  const head =
    r.percent !== null
      ? `similarity ${formatSimilarity(r.percent)} (${r.band}, LLR ${r.llr?.toFixed(2)}), ${cos}${norm}  (model ${c.model.id})`
      : r.band === 'withheld'
        ? `${cos}${norm}  (model ${c.model.id}; band withheld: ${c.population.withheld})`
        : `${cos}  (model ${c.model.id}, uncalibrated: raw score only)`;
  return [head, ...c.notes.map((n) => `  ${n}`)].join('\n') + '\n';
}

/** `seimon embed FILE` and `seimon compare A B`: through the handler map, as the app scores. */
export function registerEmbedCommands(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  program
    .command('embed <file>')
    .description('compute the speaker embedding of a recording')
    .option('--model <id>', 'model id or SHA-256 (default: the default model)')
    .action(async (file: string, o: { model?: string }) => {
      const g = globals();
      await withCore(g, async (ctx) => {
        const f = await call(ctx, 'embed.file', { file, modelId: o.model ?? null });
        if (g.json) printJson(io, f);
        else io.stdout(`${file}: ${f.dim}-dim embedding from ${f.windows.length} windows over ${f.speechSeconds} s of speech (model ${f.model.id})\n`);
      });
    });

  program
    .command('compare <a> <b>')
    .description("score two recordings as the app does (the band is withheld unless this data folder's performers validate it)")
    .option('--model <id>', 'model id or SHA-256 (default: the default model)')
    .option('--lang <lang>', 'language of the notes: en or ja', 'en')
    .action(async (a: string, b: string, o: { model?: string; lang: string }) => {
      const g = globals();
      await withCore(g, async (ctx) => {
        const c = await call(ctx, 'compare.files', { a, b, modelId: o.model ?? null, lang: o.lang === 'ja' ? 'ja' : 'en' });
        if (g.json) printJson(io, compareJson(c));
        else io.stdout(compareText(c));
      });
    });
}
