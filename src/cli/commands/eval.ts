import type { Command } from 'commander';
import type { EvaluationReport, PopulationCalibration, PopulationCheck } from '../../api/contract.js';
import type { CliIo, GlobalOptions, Session as CoreContext } from '../io.js';
import { exitCodeFor } from '../exit-codes.js';
import { CliFailure, call, printJson, withCore } from '../io.js';

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
const bits = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(3)} bits`);
const round = (x: number, d = 6) => Math.round(x * 10 ** d) / 10 ** d;
const SHORT_SPEECH_SECONDS = 2;

const skippedText = (s: EvaluationReport['skipped']) =>
  s.map((x) => `  line ${x.line}: ${x.reason}${x.code ? ` (${x.code})` : ''}: ${x.message}\n`).join('');

/** A warning for files kept despite little speech (one bad clip can dominate Cllr). */
function shortSpeechNote(r: EvaluationReport): string[] {
  const s = r.shortSpeech;
  if (s.length === 0) return [];
  const list = s.map((x) => `${x.file} (${x.speechSeconds.toFixed(1)} s)`).join(', ');
  return [`${s.length} file(s) have under ${SHORT_SPEECH_SECONDS} s of speech; their trials were scored but are unreliable: ${list}`];
}

type EvalInput = { trials: string; model?: string; scoring?: string; population?: string; cohort?: string; scores?: string; plots?: string };

/** Starts the evaluation job through the handler map, shows its progress on stderr, and returns its report. */
async function evaluate(ctx: CoreContext, io: CliIo, g: GlobalOptions, mode: 'eval' | 'calibrate', o: EvalInput): Promise<EvaluationReport> {
  if (o.scoring !== undefined && o.scoring !== 'app' && o.scoring !== 'raw') throw new CliFailure(2, 'INVALID_INPUT', '--scoring is raw or app');
  const job = await call(ctx, 'eval.start', {
    mode,
    trials: o.trials,
    modelId: o.model ?? null,
    scoring: o.scoring === 'app' ? 'app' : 'raw-cosine',
    population: o.population ?? null,
    cohort: o.cohort ?? null,
    scores: o.scores ?? null,
    plots: o.plots ?? null,
  });
  let last = 0;
  let shown = '';
  let status;
  const show = (done: number, total: number) => {
    shown = `  files embedded ${done} / ${total}\n`;
    last = Date.now();
    io.stderr(shown);
  };
  for (;;) {
    status = await call(ctx, 'jobs.status', { id: job.id });
    // Progress on stderr at most once a second (and at the end), never in --json mode.
    if (!g.json && status.state === 'running' && status.total > 0 && Date.now() - last >= 1000) show(status.done, status.total);
    if (status.state !== 'running') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!g.json && status.total > 0 && shown !== `  files embedded ${status.done} / ${status.total}\n`) show(status.done, status.total);
  if (status.error) throw new CliFailure(exitCodeFor(status.error.code), status.error.code, status.error.message);
  const report = await call(ctx, 'eval.result', { jobId: job.id });
  if (report.error) {
    // When nothing is left to measure, the skipped lines are the explanation: show them first.
    if (report.skipped.length > 0) io.stderr(`Skipped lines:\n${skippedText(report.skipped)}`);
    throw new CliFailure(exitCodeFor(report.error.code), report.error.code, report.error.message);
  }
  return report;
}

function evalText(r: EvaluationReport, durationSeconds: number): string {
  const m = r.metrics;
  if (!m) return '';
  const d = m.minDcf;
  const scoreName = r.scoring === 'app' ? "app score (AS-norm, as the app scores)" : 'raw cosine';
  return (
    [
      `Model      ${r.model.id} (${r.model.calibrated ? 'calibrated' : 'uncalibrated'})`,
      `SHA-256    ${r.model.sha256}`,
      `Scoring    ${r.scoring === 'app' ? `app: ${r.cohortSource}` : 'raw cosine (the default; --scoring app scores as the app does)'}`,
      `Trials     ${m.nTarget} same-speaker (1), ${m.nNonTarget} different-speaker (0); ${r.skipped.length} of ${r.lines} lines skipped`,
      `Files      ${r.files.total}: ${r.files.cached} from cache, ${r.files.embedded} embedded, ${r.files.failed} failed`,
      `EER        ${pct(m.eer)}`,
      `minDCF     ${d.value.toFixed(4)} at ${scoreName} >= ${d.threshold.toFixed(4)} (P_target ${d.pTarget}, C_miss ${d.cMiss}, C_fa ${d.cFa})`,
      `Cllr       ${bits(m.cllr)}`,
      `min Cllr   ${bits(m.minCllr)} (after the best monotone calibration: discrimination alone)`,
      ...(r.bands ? ['Bands      false match / miss at each verdict band:', ...r.bands.map((b) => `  >= ${String(b.minPercent).padStart(3)} % (${b.key}): ${pct(b.falseMatchRate)} / ${pct(b.missRate)}`)] : []),
      ...(r.skipped.length ? ['Skipped lines:', skippedText(r.skipped).trimEnd()] : []),
      ...(r.plots ? [`Plots      ${r.plots.files.join(', ')}`] : []),
      ...(r.scoresFile ? [`Scores     ${r.scoresFile}`] : []),
      ...[...r.notes, ...shortSpeechNote(r)].map((n) => `Note: ${n}`),
      `Duration   ${durationSeconds.toFixed(1)} s (embedding ${r.embedSeconds.toFixed(1)} s)`,
    ].join('\n') + '\n'
  );
}

function checkText(c: PopulationCheck): string[] {
  return [
    `  ${c.performers} performers (${c.multiReference} with two or more references); ${c.targetTrials} same-performer trials (${c.sameSessionTargets} same-session), ${c.nonTargetTrials} different-performer trials`,
    `  EER ${c.eer === null ? 'n/a' : pct(c.eer)}, Cllr ${bits(c.cllr)}; bands ${c.withheld ? `withheld (${c.withheld})` : 'stated'}`,
    ...c.bands.filter((b) => b.minPercent > 0).map((b) => `  >= ${String(b.minPercent).padStart(3)} % (${b.key}): false match ${pct(b.falseMatchRate)} (stated ${b.statedFalseMatchRate === null ? 'n/a' : pct(b.statedFalseMatchRate)}), miss ${b.missRate === null ? 'n/a' : pct(b.missRate)}`),
  ];
}

function populationCalibrationText(r: PopulationCalibration): string {
  const c = r.calibration as { a: number; b: number; scoreKind: string };
  return (
    [
      `Calibrated ${r.modelId} on the enrolled performers (SHA-256 ${r.modelSha256})`,
      `  LLR = a x ${c.scoreKind} + b: a = ${c.a.toFixed(4)}, b = ${c.b.toFixed(4)}; the previous calibration is kept`,
      'Before',
      ...checkText(r.before),
      'After (in-sample)',
      ...checkText(r.after),
      ...r.warnings.map((w) => `Warning: ${w}`),
    ].join('\n') + '\n'
  );
}

/** `seimon eval` and `seimon calibrate`: validate a model, or fit its calibration, on labelled trials or the population. */
export function registerEvalCommands(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  program
    .command('eval')
    .description('measure a model on labelled trials: EER, minDCF, Cllr, min Cllr, rates at each band; optional plots and per-trial scores')
    .requiredOption('--trials <file>', 'trial list: "<1|0> <enroll>[,<enroll>...] <test>" per line, paths relative to it')
    .option('--model <id>', 'model id or SHA-256 (default: the default model)')
    .option('--scoring <kind>', 'raw (raw cosine, the default) or app (the app\'s normalisation and calibration)')
    .option('--population <dir>', 'with --scoring app: the cohort is the enrolled performers of this data folder')
    .option('--cohort <file>', 'with --scoring app: the cohort is this file ({"speakers":[{"embedding":[...]}]})')
    .option('--plots <dir>', 'write det, tippett and histogram plots (SVG and PNG) into this folder')
    .option('--scores <file>', 'write "<label> <enroll> <test> <score> <llr>" (and, with --scoring app, percent and raw cosine) for every trial')
    .action(async (o: EvalInput) => {
      const g = globals();
      const started = performance.now();
      await withCore(g, async (ctx) => {
        const r = await evaluate(ctx, io, g, 'eval', o);
        const durationSeconds = round((performance.now() - started) / 1000, 3);
        const m = r.metrics;
        if (!m) return;
        const notes = [...r.notes, ...shortSpeechNote(r)];
        if (g.json) {
          printJson(io, {
            trialFile: r.trialFile,
            scoring: r.scoring,
            cohortSource: r.cohortSource,
            model: r.model,
            counts: { target: m.nTarget, nonTarget: m.nNonTarget, lines: r.lines, skipped: r.skipped.length },
            files: r.files,
            shortSpeech: r.shortSpeech,
            metrics: { ...m, minDcf: { ...m.minDcf, thresholdScore: r.scoring === 'app' ? 'app-score' : 'raw-cosine' } },
            bands: r.bands,
            notes,
            skipped: r.skipped,
            plots: r.plots,
            scoresFile: r.scoresFile,
            embedSeconds: round(r.embedSeconds, 3),
            durationSeconds,
          });
          return;
        }
        io.stdout(evalText({ ...r, notes: r.notes }, durationSeconds));
      });
    });

  program
    .command('calibrate')
    .description('fit the score -> LLR calibration of a model on labelled trials (--trials) or on the enrolled performers (--population), and store it with the model')
    .option('--trials <file>', 'trial list: "<1|0> <enroll>[,<enroll>...] <test>" per line, paths relative to it')
    .option('--population', "fit on the population check's trials (the enrolled performers); keeps the previous calibration")
    .option('--yes', 'confirm the recalibration (it changes every score of this model)')
    .option('--model <id>', 'model id or SHA-256 (default: the default model)')
    .action(async (o: { trials?: string; population?: boolean; yes?: boolean; model?: string }) => {
      const g = globals();
      if (!o.trials === !o.population) throw new CliFailure(2, 'INVALID_INPUT', 'Give --trials FILE or --population');
      if (o.population) {
        if (!o.yes) throw new CliFailure(2, 'INVALID_INPUT', 'Recalibrating on the population changes every score of this model: run again with --yes to confirm');
        await withCore(g, async (ctx) => {
          const r = await call(ctx, 'population.calibrate', { modelId: o.model ?? null, consent: true });
          if (g.json) printJson(io, r);
          else io.stdout(populationCalibrationText(r));
        });
        return;
      }
      await withCore(g, async (ctx) => {
        const r = await evaluate(ctx, io, g, 'calibrate', { trials: o.trials as string, ...(o.model ? { model: o.model } : {}) });
        const x = r.calibration;
        if (!x) return;
        if (g.json) {
          printJson(io, { ...x, cllrAfterInSample: true, skipped: r.skipped, files: r.files, shortSpeech: r.shortSpeech });
          return;
        }
        const c = x.calibration as { a: number; b: number; prior: number };
        io.stdout(
          [
            `Calibrated ${x.model.id} (SHA-256 ${x.model.sha256})`,
            `  on ${x.nTarget} same-speaker and ${x.nNonTarget} different-speaker trials; ${r.skipped.length} of ${r.lines} lines skipped`,
            `  LLR = a x cosine + b, natural log: a = ${c.a.toFixed(4)}, b = ${c.b.toFixed(4)} (class prior ${c.prior})`,
            `  Cllr before  ${x.cllrBefore === null ? 'n/a (the model had no calibration)' : `${bits(x.cllrBefore)} (previous calibration)`}`,
            `  Cllr after   ${bits(x.cllrAfter)}, in-sample: measured on the same trials it was fitted on, so optimistic;`,
            `               check it with \`seimon eval\` on trials from other speakers.`,
            `  min Cllr     ${bits(x.minCllr)} (the best any monotone calibration can do on these trials)`,
            ...(r.skipped.length ? ['Skipped lines:', skippedText(r.skipped).trimEnd()] : []),
            ...shortSpeechNote(r).map((n) => `Note: ${n}`),
          ].join('\n') + '\n',
        );
      });
    });
}
