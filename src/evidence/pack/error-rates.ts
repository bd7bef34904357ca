// Error rates at the verdict thresholds, where the model's calibration record measured them on
// held-out trials (bundled models ship them in calibration.json next to their manifest).
import fs from 'node:fs';
import path from 'node:path';
import { defaultBundledDir } from '../../models/bundled.js';
import type { ModelSummary } from '../../models/manifest.js';

export interface ThresholdErrorRate {
  key: string;
  minPercent: number;
  falseMatchRate: number;
  missRate: number;
}

export interface ErrorRates {
  source: string;
  targets: number | null;
  nonTargets: number | null;
  eerPercent: number | null;
  bands: ThresholdErrorRate[];
}

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

function fromRecord(rec: unknown, source: string): ErrorRates | null {
  const r = rec as { test?: Record<string, unknown>; bands?: unknown } | null;
  const test = (r?.test ?? r) as Record<string, unknown> | undefined;
  if (!test || !Array.isArray(test.bands)) return null;
  const bands = (test.bands as Record<string, unknown>[])
    .map((b) => ({ key: String(b.key), minPercent: num(b.minPercent), falseMatchRate: num(b.falseMatchRate), missRate: num(b.missRate) }))
    .filter((b): b is ThresholdErrorRate => b.minPercent !== null && b.falseMatchRate !== null && b.missRate !== null);
  if (!bands.length) return null;
  return { source, targets: num(test.targets), nonTargets: num(test.nonTargets), eerPercent: num(test.eerPercent), bands };
}

/** The model's measured error rates per threshold, or null when none are known. */
export function errorRatesOf(model: ModelSummary, bundledDir = defaultBundledDir()): ErrorRates | null {
  const stored = fromRecord(model.calibration, 'model calibration record');
  if (stored) return stored;
  const file = path.join(bundledDir, 'calibration.json');
  try {
    const rec = JSON.parse(fs.readFileSync(file, 'utf8')) as { model?: { sha256?: string } };
    if (rec.model?.sha256 !== model.sha256) return null;
    return fromRecord(rec, 'bundled calibration.json (held-out speakers not used to fit)');
  } catch {
    return null;
  }
}
