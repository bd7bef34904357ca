import { describe, expect, it } from 'vitest';
import { detCurve, eer, sortTrials } from '../../../src/scoring/metrics.js';
import { detSvg, histogramSvg, tippettSvg } from '../../../src/scoring/plots.js';
import { normals, rng } from './rng.js';

function wellFormed(svg: string): void {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  // Every opened element is closed or self-closing (a cheap structural check without an XML parser).
  const open = (svg.match(/<[a-z]+[^>]*[^/]>/g) ?? []).length;
  const close = (svg.match(/<\/[a-z]+>/g) ?? []).length;
  expect(open).toBe(close);
}

describe('plots', () => {
  const rand = rng(71);
  const trials = sortTrials(normals(rand, 300, 2.5, 1), normals(rand, 3000, -2, 1.2));

  it('DET curve with probit tick labels 0.1 %..50 %', () => {
    const svg = detSvg([{ label: 'starter <model>', points: detCurve(trials), eer: eer(trials) }]);
    wellFormed(svg);
    for (const t of ['0.1%', '0.5%', '1%', '10%', '50%']) expect(svg).toContain(`>${t}<`);
    expect(svg).toContain('Miss rate');
    expect(svg).toContain('starter &lt;model&gt;'); // labels are escaped
  });

  it('Tippett plot and histograms', () => {
    const tip = tippettSvg(trials);
    wellFormed(tip);
    expect(tip).toContain('log10 likelihood ratio');
    expect(tip).toContain('n = 300');
    const hist = histogramSvg(trials, { xLabel: 'AS-norm score' });
    wellFormed(hist);
    expect(hist).toContain('AS-norm score');
    expect((hist.match(/<rect /g) ?? []).length).toBeGreaterThan(20);
  });

  it('copes with identical scores', () => {
    wellFormed(histogramSvg(sortTrials([1, 1], [1])));
    wellFormed(tippettSvg(sortTrials([0], [0])));
  });
});
