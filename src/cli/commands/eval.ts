import { exitCodeFor } from '../exit-codes.js';
import fs from 'node:fs';
import type { Command } from 'commander';
import type { CoreContext } from '../../core/context.js';
import { isSeimonError } from '../../core/errors.js';
import { calibrateFromRun } from '../../scoring/eval/calibrate-model.js';
import { formatScoresFile } from '../../scoring/eval/scores-file.js';
import { writeEvalPlots } from '../../scoring/eval/write-plots.js';
import type { WrittenPlots } from '../../scoring/eval/write-plots.js';
import { SHORT_SPEECH_SECONDS, measureTrials, scoreTrialFile } from '../../scoring/evaluate.js';
import type { TrialScoresRun } from '../../scoring/evaluate.js';
import type { SkippedLine } from '../../scoring/trial-file.js';
import type { CliIo, GlobalOptions } from '../io.js';
import { CliFailure, printJson, withCore } from '../io.js';

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
const bits = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(3)} bits`);
const round = (x: number, d = 6) => Math.round(x * 10 ** d) / 10 ** d;

/** Progress on stderr at most once a second (and at the end), never in --json mode. */
function progress(io: CliIo, g: GlobalOptions): ((done: number, total: number) => void) | undefined {
  if (g.json) return undefined;
  let last = 0;
  return (done, total) => {
    if (Date.now() - last < 1000 && done !== total) return;
    last = Date.now();
    io.stderr(`  files embedded ${done} / ${total}\n`);
  };
}

const skippedText = (s: readonly SkippedLine[]) =>
  s.map((x) => `  line ${x.line}: ${x.reason}${x.code ? ` (${x.code})` : ''}: ${x.message}\n`).join('');

/** Opens the core, scores the trial list, and turns core errors into CLI failures (skipped lines first). */
async function withRun<T>(
  io: CliIo,
  g: GlobalOptions,
  o: { trials: string; model?: string },
  fn: (ctx: CoreContext, run: TrialScoresRun) => Promise<T>,
): Promise<T> {
  return withCore(g, async (ctx) => {
    let run: TrialScoresRun | undefined;
    try {
      run = await scoreTrialFile(ctx, { trialFile: o.trials, modelId: o.model, onProgress: progress(io, g) });
      return await fn(ctx, run);
    } catch (e) {
      if (!isSeimonError(e)) throw e;
      // When nothing is left to measure, the skipped lines are the explanation: show them first.
      if (run && run.skipped.length > 0) io.stderr(`Skipped lines:\n${skippedText(run.skipped)}`);
      throw new CliFailure(exitCodeFor(e.code), e.code, e.message);
    }
  });
}

/** A warning for files kept despite little speech (one bad clip can dominate Cllr). */
function shortSpeechNote(run: TrialScoresRun): string[] {
  const s = run.shortSpeech;
  if (s.length === 0) return [];
  const list = s.map((x) => `${x.file} (${x.speechSeconds.toFixed(1)} s)`).join(', ');
  return [`${s.length} file(s) have under ${SHORT_SPEECH_SECONDS} s of speech; their trials were scored but are unreliable: ${list}`];
}

function modelJson(run: TrialScoresRun) {
  return { id: run.model.id, sha256: run.model.sha256, calibrated: run.calibration !== undefined, calibration: run.calibration ?? null };
}

/** `seimon eval` and `seimon calibrate`: validate a model, or fit its calibration, on labelled trials. */
export function registerEvalCommands(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  program
    .command('eval')
    .description('measure a model on labelled trials: EER, minDCF, Cllr, min Cllr; optional plots and per-trial scores')
    .requiredOption('--trials <file>', 'trial list: "<1|0> <enroll>[,<enroll>...] <test>" per line, paths relative to it')
    .option('--model <id>', 'model id or SHA-256 (default: the default model)')
    .option('--plots <dir>', 'write det, tippett and histogram plots (SVG and PNG) into this folder')
    .option('--scores <file>', 'write "<label> <enroll> <test> <score> <llr>" for every trial (llr nan when uncalibrated)')
    .action(async (o: { trials: string; model?: string; plots?: string; scores?: string }) => {
      const g = globals();
      const started = performance.now();
      await withRun(io, g, o, async (_ctx, run) => {
        const { sorted, metrics } = measureTrials(run);
        const notes = [...(run.calibrationNote ? [run.calibrationNote] : []), ...shortSpeechNote(run)];
        let plots: WrittenPlots | null = null;
        if (o.plots) {
          plots = await writeEvalPlots(o.plots, sorted, { modelId: run.model.id, eer: metrics.eer });
          notes.push(...plots.notes);
        }
        if (o.scores) fs.writeFileSync(o.scores, formatScoresFile(run.scored, { ...run.model, calibrated: run.calibration !== undefined }));
        const durationSeconds = round((performance.now() - started) / 1000, 3);
        if (g.json) {
          printJson(io, {
            trialFile: run.trialFile,
            model: modelJson(run),
            counts: { target: metrics.nTarget, nonTarget: metrics.nNonTarget, lines: run.lines, skipped: run.skipped.length },
            files: run.files,
            shortSpeech: run.shortSpeech,
            metrics: { ...metrics, minDcf: { ...metrics.minDcf, thresholdScore: 'raw-cosine' } },
            notes,
            skipped: run.skipped,
            plots: plots && { dir: plots.dir, files: plots.files },
            scoresFile: o.scores ?? null,
            embedSeconds: round(run.embedSeconds, 3),
            durationSeconds,
          });
          return;
        }
        const d = metrics.minDcf;
        io.stdout(
          [
            `Model      ${run.model.id} (${run.calibration ? 'calibrated' : 'uncalibrated'})`,
            `SHA-256    ${run.model.sha256}`,
            `Trials     ${metrics.nTarget} same-speaker (1), ${metrics.nNonTarget} different-speaker (0); ${run.skipped.length} of ${run.lines} lines skipped`,
            `Files      ${run.files.total}: ${run.files.cached} from cache, ${run.files.embedded} embedded, ${run.files.failed} failed`,
            `EER        ${pct(metrics.eer)}`,
            `minDCF     ${d.value.toFixed(4)} at raw cosine >= ${d.threshold.toFixed(4)} (P_target ${d.pTarget}, C_miss ${d.cMiss}, C_fa ${d.cFa})`,
            `Cllr       ${bits(metrics.cllr)}`,
            `min Cllr   ${bits(metrics.minCllr)} (after the best monotone calibration: discrimination alone)`,
            ...(run.skipped.length ? ['Skipped lines:', skippedText(run.skipped).trimEnd()] : []),
            ...(plots ? [`Plots      ${plots.files.join(', ')}`] : []),
            ...(o.scores ? [`Scores     ${o.scores}`] : []),
            ...notes.map((n) => `Note: ${n}`),
            `Duration   ${durationSeconds.toFixed(1)} s (embedding ${run.embedSeconds.toFixed(1)} s)`,
          ].join('\n') + '\n',
        );
      });
    });

  program
    .command('calibrate')
    .description('fit the score -> LLR calibration of a model on labelled trials and store it with the model')
    .requiredOption('--trials <file>', 'trial list: "<1|0> <enroll>[,<enroll>...] <test>" per line, paths relative to it')
    .option('--model <id>', 'model id or SHA-256 (default: the default model)')
    .action(async (o: { trials: string; model?: string }) => {
      const g = globals();
      await withRun(io, g, o, async (ctx, run) => {
        const r = await calibrateFromRun(ctx, run);
        if (g.json) {
          printJson(io, { ...r, cllrAfterInSample: true, skipped: run.skipped, files: run.files, shortSpeech: run.shortSpeech });
          return;
        }
        const c = r.calibration;
        io.stdout(
          [
            `Calibrated ${r.model.id} (SHA-256 ${r.model.sha256})`,
            `  on ${r.nTarget} same-speaker and ${r.nNonTarget} different-speaker trials; ${run.skipped.length} of ${run.lines} lines skipped`,
            `  LLR = a x cosine + b, natural log: a = ${c.a.toFixed(4)}, b = ${c.b.toFixed(4)} (class prior ${c.prior})`,
            `  Cllr before  ${r.cllrBefore === null ? 'n/a (the model had no calibration)' : `${bits(r.cllrBefore)} (previous calibration)`}`,
            `  Cllr after   ${bits(r.cllrAfter)}, in-sample: measured on the same trials it was fitted on, so optimistic;`,
            `               check it with \`seimon eval\` on trials from other speakers.`,
            `  min Cllr     ${bits(r.minCllr)} (the best any monotone calibration can do on these trials)`,
            ...(run.skipped.length ? ['Skipped lines:', skippedText(run.skipped).trimEnd()] : []),
            ...shortSpeechNote(run).map((n) => `Note: ${n}`),
          ].join('\n') + '\n',
        );
      });
    });
}
