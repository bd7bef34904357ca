/**
 * Scores a population-shift set the way the app would under one cohort rule, and counts what a user
 * would be told: unrelated pairs called "very high" (>= 90 %), clones called "very high", and whether
 * the population check withholds the band.
 */
import { meanOfNormalized } from '../../src/embedding/vectors.js';
import type { Calibration } from '../../src/scoring/calibration.js';
import { buildScoringCohort } from '../../src/scoring/cohort-rule.js';
import type { CohortRule } from '../../src/scoring/cohort-rule.js';
import { checkPopulation } from '../../src/scoring/population-check.js';
import { makeScorer } from '../../src/scoring/scorer.js';
import type { ScoringSetup } from '../../src/scoring/scorer.js';
import { DEFAULT_BANDS, bandLlrThreshold } from '../../src/scoring/verdict.js';
import type { WithheldReason } from '../../src/domain/index.js';
import type { EmbeddedVoice } from './shift-set.js';

export interface VariantResult {
  performers: number;
  unrelatedPairs: number;
  clones: number;
  /** Share of unrelated (suspect, performer) pairs whose LLR reaches the >= 90 % band. */
  falseVeryHighScored: number;
  /** The same share among what the app would state (0 when the band is withheld). */
  falseVeryHighStated: number;
  cloneVeryHigh: number;
  /** Population check's own false-match rate at >= 90 %, and why the band is withheld (null: stated). */
  checkFalseVeryHigh: number | null;
  withheld: WithheldReason | null;
  cohortRows: { performers: number; shipped: number; topN: number } | null;
}

export function measureVariant(
  voices: readonly EmbeddedVoice[],
  shipped: readonly Float32Array[],
  calibration: Calibration,
  stated: ReadonlyMap<string, number>,
  rule: CohortRule,
  withPopulationCheck: boolean,
): VariantResult {
  const speakers = [...new Set(voices.filter((v) => v.role === 'ref-a').map((v) => v.speaker))];
  const refs = speakers.map((s) => voices.filter((v) => v.speaker === s && (v.role === 'ref-a' || v.role === 'ref-b')).map((v) => v.windows));
  const vps = refs.map((r) => meanOfNormalized(r.flat()));
  const cohort = buildScoringCohort(speakers.map((s, i) => ({ performerId: s, vector: vps[i] as Float32Array })), shipped, rule);
  const base: ScoringSetup = { cohort, calibration, bands: DEFAULT_BANDS, withheld: null };
  let withheld: WithheldReason | null = null;
  let checkFalseVeryHigh: number | null = null;
  if (withPopulationCheck) {
    const check = checkPopulation(speakers.map((id, i) => ({ id, references: refs[i] ?? [] })), vps, base, stated);
    withheld = check.withheld;
    checkFalseVeryHigh = check.bands.find((b) => b.key === 'very-high')?.falseMatchRate ?? null;
  }
  const setup: ScoringSetup = { ...base, withheld };
  const suspects = voices.filter((v) => v.role === 'clone' || v.role === 'unrelated');
  const scorer = makeScorer(setup, speakers.map((s, i) => ({ vector: vps[i] as Float32Array, owner: s })), suspects.map((v) => ({ vector: v.embedding, owner: null })));
  const threshold = bandLlrThreshold(DEFAULT_BANDS[0] as (typeof DEFAULT_BANDS)[number]);
  let pairs = 0;
  let scored = 0;
  let statedCount = 0;
  let clones = 0;
  let cloneHits = 0;
  suspects.forEach((sus, j) => {
    speakers.forEach((spk, i) => {
      const s = scorer.scores(i, j);
      const llr = calibration.a * (s.normalized ?? Number.NaN) + calibration.b;
      const r = scorer.reading(i, j);
      if (sus.speaker === spk) {
        clones++;
        if (llr >= threshold) cloneHits++;
        return;
      }
      pairs++;
      if (llr >= threshold) scored++;
      if (r.band === 'very-high') statedCount++;
    });
  });
  return {
    performers: speakers.length,
    unrelatedPairs: pairs,
    clones,
    falseVeryHighScored: scored / pairs,
    falseVeryHighStated: statedCount / pairs,
    cloneVeryHigh: clones ? cloneHits / clones : 0,
    checkFalseVeryHigh,
    withheld,
    cohortRows: cohort ? { performers: cohort.performerRows, shipped: cohort.shippedRows, topN: cohort.topN } : null,
  };
}
