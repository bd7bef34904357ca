// The population check: the app's own scoring run on the enrolled performers, a labelled set in the
// user's language and recording conditions. Every pair of different performers gives non-target trials
// (voiceprint of one against each reference of another); a performer with two or more references gives
// target trials (voiceprint of the others against the one left out), and one with a single reference
// gives a same-session target (the first half of its windows against the second).
import type { PopulationBandRate, PopulationCheck, WithheldReason } from '../domain/index.js';
import {
  OVERSTATE_CEILING,
  OVERSTATE_FACTOR,
  POPULATION_MIN_MULTI_REFERENCE,
  POPULATION_MIN_PERFORMERS,
} from '../domain/index.js';
import { meanOfNormalized } from '../embedding/vectors.js';
import { bandErrorRates } from './band-rates.js';
import { cllr, eer, sortTrials } from './metrics.js';
import { applicableCalibration, calibratedLlr, makeScorer } from './scorer.js';
import type { Probe, ScoringSetup } from './scorer.js';

/** One enrolled performer: the window embeddings of each usable reference. */
export interface PopulationPerformer {
  readonly id: string;
  readonly references: readonly (readonly Float32Array[])[];
}

/** Above this many non-target trials, each performer is scored against an evenly spread subset of the others. */
export const MAX_NON_TARGET_TRIALS = 500_000;

export interface PopulationTrials {
  readonly targets: Float64Array;
  readonly nonTargets: Float64Array;
  /** Same-session targets (halves of one reference) among `targets`. */
  readonly sameSession: number;
  /** Raw scores, for fitting a calibration on the population (seimon calibrate --population). */
  readonly kind: 'llr' | 'score';
}

interface Plan {
  enroll: Probe[];
  test: Probe[];
  targets: [number, number][];
  sameSession: number;
  /** Per performer: its voiceprint's enroll index and its references' test indices. */
  vp: number[];
  refs: number[][];
}

/** Interns probe vectors so a performer whose only reference is its voiceprint is scored once. */
function probeList(): { list: Probe[]; add: (p: Probe) => number } {
  const list: Probe[] = [];
  const seen = new Map<Float32Array, number>();
  return {
    list,
    add: (p) => {
      const hit = seen.get(p.vector);
      if (hit !== undefined) return hit;
      seen.set(p.vector, list.length);
      list.push(p);
      return list.length - 1;
    },
  };
}

function planTrials(performers: readonly PopulationPerformer[], voiceprints: readonly Float32Array[]): Plan {
  const enroll = probeList();
  const test = probeList();
  const targets: [number, number][] = [];
  let sameSession = 0;
  const vp: number[] = [];
  const refs: number[][] = [];
  performers.forEach((p, pi) => {
    const owner = p.id;
    const refVecs = p.references.map((w) => (p.references.length === 1 ? (voiceprints[pi] as Float32Array) : meanOfNormalized([...w])));
    vp.push(enroll.add({ vector: voiceprints[pi] as Float32Array, owner }));
    refs.push(refVecs.map((vector) => test.add({ vector, owner })));
    if (p.references.length >= 2) {
      p.references.forEach((_, k) => {
        const rest = p.references.filter((__, x) => x !== k).flat();
        targets.push([enroll.add({ vector: meanOfNormalized(rest), owner }), refs[pi]?.[k] as number]);
      });
    } else {
      const w = p.references[0] ?? [];
      if (w.length >= 2) {
        const h = Math.floor(w.length / 2);
        targets.push([enroll.add({ vector: meanOfNormalized(w.slice(0, h)), owner }), test.add({ vector: meanOfNormalized(w.slice(h)), owner })]);
        sameSession++;
      }
    }
  });
  return { enroll: enroll.list, test: test.list, targets, sameSession, vp, refs };
}

/**
 * Scores the population's trials with the app's scorer (cohort, calibration). Returns calibrated LLRs
 * when the setup has an applicable calibration, else the scores a calibration would be fitted on.
 */
export function populationTrials(
  performers: readonly PopulationPerformer[],
  voiceprints: readonly Float32Array[],
  setup: ScoringSetup,
  onProgress?: (done: number, total: number) => void,
): PopulationTrials {
  const plan = planTrials(performers, voiceprints);
  const scorer = makeScorer(setup, plan.enroll, plan.test);
  const cal = applicableCalibration(setup);
  const value = (i: number, j: number) => {
    const s = scorer.scores(i, j);
    if (cal) return calibratedLlr(cal, s.raw, s.normalized);
    return s.normalized ?? s.raw;
  };
  const targets = Float64Array.from(plan.targets, ([i, j]) => value(i, j));
  const n = performers.length;
  const refsPer = plan.refs.reduce((s, r) => s + r.length, 0);
  const full = (n - 1) * refsPer;
  // Others per performer, evenly spread around the list, when all pairs would be too many.
  const othersPer = full > MAX_NON_TARGET_TRIALS ? Math.max(1, Math.floor(((n - 1) * MAX_NON_TARGET_TRIALS) / full)) : n - 1;
  const nonTargets: number[] = [];
  for (let p = 0; p < n; p++) {
    for (let m = 0; m < othersPer; m++) {
      const q = (p + 1 + Math.floor((m * (n - 1)) / othersPer)) % n;
      for (const j of plan.refs[q] ?? []) nonTargets.push(value(plan.vp[p] as number, j));
    }
    onProgress?.(p + 1, n);
  }
  return { targets, nonTargets: Float64Array.from(nonTargets), sameSession: plan.sameSession, kind: cal ? 'llr' : 'score' };
}

/** The stated false-match rate per band key, from the model card (calibration.bandRates). */
export type StatedRates = ReadonlyMap<string, number>;

/** Why the bands cannot be stated for this population, or null. */
export function withholdingFor(performers: number, multiReference: number, bands: readonly PopulationBandRate[]): WithheldReason | null {
  if (performers === 0) return 'no-population';
  if (performers < POPULATION_MIN_PERFORMERS || multiReference < POPULATION_MIN_MULTI_REFERENCE) return 'too-few-performers';
  return bands.some((b) => b.overstated) ? 'overstating' : null;
}

/** Is the measured rate at a band contradicting what the model states? (Bands from 0 % claim nothing.) */
export function overstates(measured: number, stated: number | null, minPercent: number): boolean {
  if (minPercent <= 0) return false;
  return measured > OVERSTATE_CEILING || (stated !== null && measured > OVERSTATE_FACTOR * stated);
}

/** Runs the check: trials, rates at each band, EER, Cllr, and whether the bands must be withheld. */
export function checkPopulation(
  performers: readonly PopulationPerformer[],
  voiceprints: readonly Float32Array[],
  setup: ScoringSetup,
  stated: StatedRates,
  onProgress?: (done: number, total: number) => void,
): Omit<PopulationCheck, 'modelId' | 'modelSha256' | 'enrolmentKey' | 'computedAt' | 'cohort'> {
  const multiReference = performers.filter((p) => p.references.length >= 2).length;
  const base = { performers: performers.length, multiReference };
  if (performers.length < 2) {
    return { ...base, nonTargetTrials: 0, targetTrials: 0, sameSessionTargets: 0, eer: null, cllr: null, bands: [], withheld: withholdingFor(performers.length, multiReference, []) };
  }
  const tr = populationTrials(performers, voiceprints, setup, onProgress);
  const counts = { nonTargetTrials: tr.nonTargets.length, targetTrials: tr.targets.length, sameSessionTargets: tr.sameSession };
  const haveBoth = tr.targets.length > 0 && tr.nonTargets.length > 0;
  const sorted = haveBoth ? sortTrials(tr.targets, tr.nonTargets) : undefined;
  let bands: PopulationBandRate[] = [];
  if (tr.kind === 'llr') {
    const nt = Float64Array.from(tr.nonTargets).sort();
    const t = Float64Array.from(tr.targets).sort();
    bands = bandErrorRates({ targets: t.length ? t : Float64Array.of(0), nonTargets: nt }, setup.bands).map((b) => {
      const st = stated.get(b.key) ?? null;
      return {
        key: b.key,
        minPercent: b.minPercent,
        falseMatchRate: b.falseMatchRate,
        missRate: t.length ? b.missRate : null,
        statedFalseMatchRate: st,
        overstated: overstates(b.falseMatchRate, st, b.minPercent),
      };
    });
  }
  const withheld = tr.kind === 'llr' ? withholdingFor(performers.length, multiReference, bands) : null;
  return {
    ...base,
    ...counts,
    eer: sorted ? eer(sorted) : null,
    cllr: sorted && tr.kind === 'llr' ? cllr(sorted) : null,
    bands,
    withheld,
  };
}
