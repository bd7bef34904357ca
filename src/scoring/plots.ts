// SVG plots for `seimon eval` and reports; PNG conversion happens elsewhere.
export { detSvg } from './plots/det.js';
export type { DetSeries } from './plots/det.js';
export { tippettSvg } from './plots/tippett.js';
export { histogramSvg } from './plots/histogram.js';
