// The report's "relevant population and validation" section takes its figures from one object.
// Today they come from the model card (held-out trials measured when the model was calibrated); a
// population check of this installation's own performers can supply the same object instead.
import type { PopulationCheck } from '../../domain/index.js';
import type { ModelSummary } from '../../models/manifest.js';
import type { ErrorRates } from './error-rates.js';

export interface PopulationSection {
  /** Where the figures come from: this installation's population check, or the model card. */
  source: 'population-check' | 'model-card';
  /** The language of the speakers the figures were measured on (the report words the population). */
  speakersLanguage: string | null;
  /** Same-speaker and different-speaker trials behind the figures. */
  targets: number | null;
  nonTargets: number | null;
  eerPercent: number | null;
  /** Error rates per verdict threshold, as fractions. */
  bands: { key: string; minPercent: number; falseMatchRate: number; missRate: number }[];
  /** The model the figures are for (SHA-256). */
  modelSha256: string;
}

/** The model card's validation figures, labelled as such (not a check on this installation's population). */
export function populationFromModelCard(model: ModelSummary, rates: ErrorRates | null): PopulationSection {
  return {
    source: 'model-card',
    speakersLanguage: model.language,
    targets: rates?.targets ?? null,
    nonTargets: rates?.nonTargets ?? null,
    eerPercent: rates?.eerPercent ?? null,
    bands: rates?.bands ?? [],
    modelSha256: model.sha256,
  };
}

/** The population check of this installation's performers (workbench/population-statement.ts decides when it applies). */
export function populationFromCheck(check: PopulationCheck, languages: readonly string[]): PopulationSection {
  return {
    source: 'population-check',
    speakersLanguage: languages.length ? languages.join(', ') : null,
    targets: check.targetTrials,
    nonTargets: check.nonTargetTrials,
    eerPercent: check.eer === null ? null : 100 * check.eer,
    bands: check.bands.filter((b) => b.minPercent > 0).map((b) => ({ key: b.key, minPercent: b.minPercent, falseMatchRate: b.falseMatchRate, missRate: b.missRate ?? Number.NaN })),
    modelSha256: check.modelSha256,
  };
}
