// The one path from embeddings to the score people read: raw cosine -> AS-norm against the cohort
// (without the trial's own performers) -> calibrated LLR -> similarity % -> verdict band, or the band
// withheld when the population check cannot vouch for it. Screening, comparison (app and CLI), the
// population check and `seimon eval --scoring app` all score through makeScorer.
import type { ScoreReading, WithheldReason } from '../domain/index.js';
import { WITHHELD_BAND } from '../domain/index.js';
import { applyCalibration, llrToProbability } from './calibration.js';
import type { Calibration } from './calibration.js';
import { cohortTops, topStatsExcluding } from './cohort-tops.js';
import type { CohortTops } from './cohort-tops.js';
import { scoringError } from './errors.js';
import { dotRow, packEmbeddings } from './matrix.js';
import type { EmbeddingMatrix } from './matrix.js';
import { asNorm } from './normalization.js';
import { UNCALIBRATED_LABEL, bandFor } from './verdict.js';
import type { VerdictBand } from './verdict.js';

/** Cosine at which two embeddings are the same vector (float rounding aside). */
const SAME_VECTOR = 1 - 1e-5;

/** The AS-norm cohort with the performer behind each row (null: a row of the shipped cohort). */
export interface ScoringCohort {
  readonly matrix: EmbeddingMatrix;
  readonly owners: readonly (string | null)[];
  readonly topN: number;
}

export interface ScoringSetup {
  readonly cohort?: ScoringCohort | undefined;
  /** Applied only when its score kind can be computed here (AS-norm needs a cohort). */
  readonly calibration?: Calibration | undefined;
  readonly bands: readonly VerdictBand[];
  /** Set when the population check cannot vouch for the bands: % and band are then not stated. */
  readonly withheld: WithheldReason | null;
}

/** One side of a trial: its embedding and the performer it belongs to, if any. */
export interface Probe {
  readonly vector: Float32Array;
  readonly owner: string | null;
}

export interface Scorer {
  /** Raw cosine and AS-norm score of enroll i against test j (cohort rows of both owners left out). */
  scores(i: number, j: number): { raw: number; normalized: number | undefined };
  /** What people read for enroll i against test j. */
  reading(i: number, j: number): ScoreReading;
}

/** The calibration when it applies to the scores this setup produces. */
export function applicableCalibration(setup: Pick<ScoringSetup, 'cohort' | 'calibration'>): Calibration | undefined {
  const cal = setup.calibration;
  if (!cal) return undefined;
  return cal.scoreKind === 'as-norm' && !setup.cohort ? undefined : cal;
}

/** Turns scores into LLR, %, band (or 'uncalibrated', or 'withheld'). */
export function readingFromScores(setup: ScoringSetup, raw: number, normalized: number | undefined): ScoreReading {
  const base = { rawCosine: raw, normalized: normalized ?? null };
  const cal = applicableCalibration(setup);
  if (!cal) return { ...base, llr: null, percent: null, band: UNCALIBRATED_LABEL.key };
  if (setup.withheld) return { ...base, llr: null, percent: null, band: WITHHELD_BAND };
  const llr = calibratedLlr(cal, raw, normalized);
  const percent = 100 * llrToProbability(llr);
  return { ...base, llr, percent, band: bandFor(percent, setup.bands).key };
}

/** The calibrated LLR of a trial, whether or not the band may be stated (the population check needs it). */
export function calibratedLlr(cal: Calibration, raw: number, normalized: number | undefined): number {
  if (cal.scoreKind === 'as-norm' && normalized === undefined)
    throw scoringError('SCORING_BAD_CALIBRATION', 'This calibration needs the AS-norm score, not the raw cosine');
  return applyCalibration(cal, cal.scoreKind === 'as-norm' ? (normalized as number) : raw);
}

function ownerRows(cohort: ScoringCohort): Map<string, number[]> {
  const m = new Map<string, number[]>();
  cohort.owners.forEach((o, r) => {
    if (o !== null) m.set(o, [...(m.get(o) ?? []), r]);
  });
  return m;
}

/** Cohort tops of both sides, each distinct vector scanned once (a voiceprint can also be a test probe). */
function tops(cohort: ScoringCohort, enroll: readonly Probe[], test: readonly Probe[], extra: number): { et: CohortTops; tt: CohortTops } {
  const index = new Map<Float32Array, number>();
  const unique: Float32Array[] = [];
  const at = (v: Float32Array) => {
    let i = index.get(v);
    if (i === undefined) {
      i = unique.length;
      index.set(v, i);
      unique.push(v);
    }
    return i;
  };
  const ei = enroll.map((p) => at(p.vector));
  const ti = test.map((p) => at(p.vector));
  const all = cohortTops(packEmbeddings(unique, cohort.matrix.dim), cohort.matrix, cohort.topN + extra);
  return { et: pickTops(all, ei), tt: pickTops(all, ti) };
}

function pickTops(all: CohortTops, rows: readonly number[]): CohortTops {
  const k = all.k;
  const values = new Float64Array(rows.length * k);
  const idx = new Int32Array(rows.length * k);
  const count = new Int32Array(rows.length);
  rows.forEach((r, i) => {
    values.set(all.values.subarray(r * k, (r + 1) * k), i * k);
    idx.set(all.rows.subarray(r * k, (r + 1) * k), i * k);
    count[i] = all.count[r] as number;
  });
  return { k, probes: rows.length, values, rows: idx, count };
}

/**
 * Prepares enroll x test scoring: each probe's best cohort scores are found once, so a trial costs one
 * dot product plus O(topN). Rows owned by either side's performer are excluded from both sides' stats.
 */
export function makeScorer(setup: ScoringSetup, enroll: readonly Probe[], test: readonly Probe[]): Scorer {
  const dim = enroll[0]?.vector.length ?? test[0]?.vector.length ?? 0;
  const e = packEmbeddings(enroll.map((p) => p.vector), dim);
  const t = packEmbeddings(test.map((p) => p.vector), dim);
  const cohort = setup.cohort;
  let prepared: { et: CohortTops; tt: CohortTops; rowsOf: Map<string, number[]> } | undefined;
  if (cohort && enroll.length > 0 && test.length > 0) {
    const rowsOf = ownerRows(cohort);
    // Room for every row the two owners may hold (a performer normally has one).
    const extra = 2 * Math.max(1, ...[...rowsOf.values()].map((r) => r.length));
    prepared = { ...tops(cohort, enroll, test, extra), rowsOf };
  }
  // A probe with no stated owner that is a cohort row itself (a file that is a performer's only
  // reference, scored from the CLI) belongs to that row's performer: it is not its own impostor.
  const selfOwner = (tops: CohortTops, i: number): string | null => {
    if (!cohort || (tops.count[i] ?? 0) === 0 || (tops.values[i * tops.k] as number) < SAME_VECTOR) return null;
    return cohort.owners[tops.rows[i * tops.k] as number] ?? null;
  };
  const ownerOf = (probes: readonly Probe[], tops: CohortTops | undefined, i: number) => probes[i]?.owner ?? (tops ? selfOwner(tops, i) : null);
  const excluded = (i: number, j: number): number[] => {
    if (!prepared) return [];
    const a = ownerOf(enroll, prepared.et, i);
    const b = ownerOf(test, prepared.tt, j);
    return [...(a ? (prepared.rowsOf.get(a) ?? []) : []), ...(b && b !== a ? (prepared.rowsOf.get(b) ?? []) : [])];
  };
  const scores = (i: number, j: number) => {
    if (i < 0 || i >= e.rows || j < 0 || j >= t.rows) throw scoringError('SCORING_BAD_OPTION', `No trial (${i}, ${j})`);
    const raw = dotRow(e, i, t.data, j * dim);
    if (!prepared || !cohort) return { raw, normalized: undefined };
    const ex = excluded(i, j);
    const normalized = asNorm(raw, topStatsExcluding(prepared.et, i, cohort.topN, ex), topStatsExcluding(prepared.tt, j, cohort.topN, ex));
    return { raw, normalized };
  };
  return {
    scores,
    reading: (i, j) => {
      const s = scores(i, j);
      return readingFromScores(setup, s.raw, s.normalized);
    },
  };
}

/** One pair through the same path (compare, `seimon compare`). */
export function scorePair(setup: ScoringSetup, enroll: Probe, test: Probe): ScoreReading {
  return makeScorer(setup, [enroll], [test]).reading(0, 0);
}
