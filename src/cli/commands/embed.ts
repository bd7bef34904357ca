import { exitCodeFor } from '../exit-codes.js';
import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../io.js';
import { CliFailure, printJson, withCore } from '../io.js';
import { openEmbedder } from '../../embedding/open.js';
import { embedFile } from '../../embedding/embed-file.js';
import { rememberEmbedding } from '../../embedding/cached.js';
import type { FileEmbedding } from '../../embedding/embed-file.js';
import { cosine } from '../../embedding/vectors.js';
import { isSeimonError } from '../../core/errors.js';
import type { CoreContext } from '../../core/context.js';
import { applyCalibration, llrToProbability, parseCalibration } from '../../scoring/calibration.js';
import type { Calibration } from '../../scoring/calibration.js';
import { formatSimilarity } from '../../domain/format.js';
import { asNorm, cohortStats } from '../../scoring/normalization.js';
import { listModelVoiceprints } from '../../store/voiceprints.js';
import { buildCohort } from '../../workbench/cohort.js';
import type { Cohort } from '../../workbench/cohort.js';

const round = (x: number, d = 6) => Math.round(x * 10 ** d) / 10 ** d;

function summary(f: FileEmbedding) {
  return {
    speechSeconds: round(f.speechSeconds, 3),
    windows: f.windows.map((w) => ({ start: round(w.start, 3), end: round(w.end, 3) })),
    source: f.source,
    warnings: f.warnings,
  };
}

/** The model's calibration when it can be applied: one fitted on AS-norm scores needs a cohort. */
function usableCalibration(calibration: Record<string, unknown> | null, cohort: Cohort | undefined): Calibration | null {
  try {
    const cal = calibration ? parseCalibration(calibration) : null;
    return cal && (cal.scoreKind === 'raw-cosine' || cohort) ? cal : null;
  } catch {
    return null;
  }
}

interface ScoringModel {
  id: string;
  sha256: string;
  calibration: Calibration | null;
  /** The AS-norm cohort as the app builds it: the bundled model's cohort plus enrolled performers. */
  cohort: Cohort | undefined;
}

async function withEmbedding<T>(
  ctx: CoreContext,
  modelId: string | undefined,
  fn: (embed: (file: string) => Promise<FileEmbedding>, model: ScoringModel) => Promise<T>,
): Promise<T> {
  let opened;
  try {
    opened = await openEmbedder(ctx, modelId);
  } catch (e) {
    if (isSeimonError(e)) throw new CliFailure(exitCodeFor(e.code), e.code, e.message);
    throw e;
  }
  const { embedder, model } = opened;
  const cohort = buildCohort(model, listModelVoiceprints(ctx.db, model.sha256));
  try {
    return await fn(async (file) => {
      try {
        const f = await embedFile(embedder, file);
        await rememberEmbedding(ctx, embedder, file, f);
        return f;
      } catch (e) {
        if (isSeimonError(e)) throw new CliFailure(exitCodeFor(e.code), e.code, `${file}: ${e.message}`);
        throw e;
      }
    }, { id: model.id, sha256: model.sha256, calibration: usableCalibration(model.calibration, cohort), cohort });
  } finally {
    await embedder.close();
  }
}

/** `seimon embed FILE` and `seimon compare A B`: speaker embeddings and their cosine. */
export function registerEmbedCommands(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  program
    .command('embed <file>')
    .description('compute the speaker embedding of a recording')
    .option('--model <id>', 'model id or SHA-256 (default: the default model)')
    .action(async (file: string, o: { model?: string }) => {
      const g = globals();
      await withCore(g, (ctx) =>
        withEmbedding(ctx, o.model, async (embed, model) => {
          const f = await embed(file);
          const out = { model: { id: model.id, sha256: model.sha256 }, dim: f.dim, embedding: Array.from(f.embedding, (x) => round(x)), ...summary(f) };
          if (g.json) printJson(io, out);
          else io.stdout(`${file}: ${f.dim}-dim embedding from ${f.windows.length} windows over ${out.speechSeconds} s of speech (model ${model.id})\n`);
        }),
      );
    });

  program
    .command('compare <a> <b>')
    .description('cosine similarity of the speakers in two recordings')
    .option('--model <id>', 'model id or SHA-256 (default: the default model)')
    .action(async (a: string, b: string, o: { model?: string }) => {
      const g = globals();
      await withCore(g, (ctx) =>
        withEmbedding(ctx, o.model, async (embed, model) => {
          const ea = await embed(a);
          const eb = await embed(b);
          const cos = cosine(ea.embedding, eb.embedding);
          const normalized = model.cohort
            ? asNorm(cos, cohortStats(ea.embedding, model.cohort.matrix), cohortStats(eb.embedding, model.cohort.matrix))
            : null;
          const cal = model.calibration;
          const llr = cal ? applyCalibration(cal, cal.scoreKind === 'as-norm' ? (normalized as number) : cos) : null;
          const percent = llr === null ? null : 100 * llrToProbability(llr);
          const out = {
            model: { id: model.id, sha256: model.sha256, calibrated: model.calibration !== null },
            cosine: round(cos),
            asNorm: normalized === null ? null : round(normalized, 4),
            llr: llr === null ? null : round(llr, 4),
            percent: percent === null ? null : round(percent, 3),
            a: { file: a, ...summary(ea) },
            b: { file: b, ...summary(eb) },
          };
          if (g.json) printJson(io, out);
          else if (percent === null) io.stdout(`cosine ${out.cosine.toFixed(4)}  (model ${model.id}, uncalibrated: raw score only)\n`);
          else io.stdout(`similarity ${formatSimilarity(percent)} (LLR ${llr?.toFixed(2)}), cosine ${out.cosine.toFixed(4)}  (model ${model.id})\n`);
        }),
      );
    });
}
