/**
 * Population-shift measurement (docs/population-scoring.md): how each cohort rule scores a population far
 * from the starter's English cohort, with and without the population check.
 *   npx tsx scripts/bench/population-shift.ts [--performers 40] [--unrelated 30]   (needs ../shared)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCalibration } from '../../src/scoring/calibration.js';
import { APP_COHORT_RULE, LEGACY_COHORT_RULE } from '../../src/scoring/cohort-rule.js';
import type { CohortRule } from '../../src/scoring/cohort-rule.js';
import { measureVariant } from '../population/measure.js';
import { buildShiftSet, embedShiftSet } from '../population/shift-set.js';
import type { Transform } from '../population/shift-set.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const STARTER = path.join(ROOT, 'models', 'starter');
const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const manifest = JSON.parse(fs.readFileSync(path.join(STARTER, 'manifest.json'), 'utf8')) as Record<string, unknown> & { calibration: { bandRates: { key: string; falseMatchRate: number }[] } };
const cal = parseCalibration(manifest.calibration);
const stated = new Map(manifest.calibration.bandRates.map((b) => [b.key, b.falseMatchRate]));
const shipped = (JSON.parse(fs.readFileSync(path.join(STARTER, 'cohort.json'), 'utf8')) as { speakers: { embedding: number[] }[] }).speakers.map((s) => Float32Array.from(s.embedding));
const model = { id: String(manifest.id), sha256: String(manifest.sha256), path: path.join(STARTER, String(manifest.file)), inputName: String(manifest.inputName), outputName: String(manifest.outputName) };
const cacheDir = path.join(os.tmpdir(), 'seimon-population-shift');
const variants: [string, CohortRule, boolean][] = [
  ['old: shipped + performers, top-300', LEGACY_COHORT_RULE, false],
  ['shipped + performers, top-20', { source: 'mixed', topN: 20, fillBelow: 0 }, false],
  ['performers only, all rows (S-norm)', { source: 'population', topN: 100000, fillBelow: 0 }, false],
  ['performers only, top-10', { source: 'population', topN: 10, fillBelow: 0 }, false],
  ['performers first, adaptive top-N (app rule)', APP_COHORT_RULE, false],
  ['app rule + population check (withholds)', APP_COHORT_RULE, true],
];
const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(2)} %`);
for (const transform of ['shifted', 'clean'] as Transform[]) {
  for (const performers of [arg('--performers', 40), 12]) {
    const voices = await embedShiftSet(buildShiftSet({ speechDir: path.resolve(ROOT, '..', 'shared', 'data', 'speech'), repoRoot: ROOT, cacheDir, performers, unrelated: arg('--unrelated', 30), transform }), model, cacheDir);
    console.log(`\n### ${transform}, ${performers} performers (stated false-match rate at >= 90 %: ${pct(stated.get('very-high') ?? null)})\n`);
    console.log('| variant | unrelated pairs | false "very high" scored | stated to the user | clones "very high" | check\'s rate | band |');
    console.log('|---|---|---|---|---|---|---|');
    for (const [name, rule, check] of variants) {
      const r = measureVariant(voices, shipped, cal, stated, rule, check);
      console.log(`| ${name} | ${r.unrelatedPairs} | ${pct(r.falseVeryHighScored)} | ${pct(r.falseVeryHighStated)} | ${pct(r.cloneVeryHigh)} | ${pct(r.checkFalseVeryHigh)} | ${r.withheld ?? 'stated'} |`);
    }
  }
}
