// How the CLI prints a population check next to scores (English; `compare --lang ja` uses the core's notes).
import type { PopulationFigures } from '../api/contract.js';

const pct = (x: number) => `${(100 * x).toFixed(x < 0.001 ? 3 : 2)} %`;

const WHY: Record<string, string> = {
  'no-population': 'no enrolled performers to validate on',
  'too-few-performers': 'too few performers to validate on (at least 20, 10 of them with two or more references)',
  overstating: 'your performers gave more false matches than the model states (over 2x, or over 5 %)',
  'not-checked': 'the population check has not run yet',
};

export function populationLines(f: PopulationFigures | null): string[] {
  if (!f) return [];
  const out: string[] = [];
  if (f.withheld) out.push(`Bands and % withheld: ${WHY[f.withheld] ?? f.withheld}; raw cosine, normalised score and rank only.`);
  if (f.nonTargetTrials > 0) {
    out.push(`Population check: ${f.performers} performers, ${f.nonTargetTrials} different-performer and ${f.targetTrials} same-performer trials`);
    for (const b of f.bands.filter((x) => x.minPercent > 0))
      out.push(`  >= ${b.minPercent} % (${b.key}): false matches ${pct(b.falseMatchRate)} measured, ${b.statedFalseMatchRate === null ? 'n/a' : pct(b.statedFalseMatchRate)} stated${b.overstated ? '  <- overstated' : ''}`);
  }
  if (f.languageMismatch) out.push(`Language: performers ${f.languageMismatch.performers.join(', ')}, model trained on ${f.languageMismatch.model.join(', ')}; a multilingual model is recommended.`);
  return out;
}
