// A spectrogram picture with its axes: time in seconds along the bottom, frequency in kHz (mel scale,
// as the features are computed) up the side, the log-mel image embedded as PNG inside the plot area.
import { axes, scale, svgDocument } from '../../scoring/plots/svg.js';
import type { Frame } from '../../scoring/plots/svg.js';
import type { SpectrogramImage } from './data.js';
import type { ReportStrings } from './strings.js';

export const SPECTROGRAM_FRAME: Frame = { width: 720, height: 260, left: 64, right: 20, top: 36, bottom: 50 };

const mel = (hz: number) => 2595 * Math.log10(1 + hz / 700);

/** SVG of a spectrogram with labelled axes; `nyquistHz` is the top of the mel filter bank. */
export function spectrogramSvg(img: SpectrogramImage, title: string, t: ReportStrings, nyquistHz = 8000): string {
  const f = SPECTROGRAM_FRAME;
  const seconds = img.frames * img.frameSeconds;
  const x = scale(0, Math.max(seconds, 1e-3), f.left, f.width - f.right);
  const y = scale(0, mel(nyquistHz), f.height - f.bottom, f.top);
  const step = [0.5, 1, 2, 5, 10, 20, 30, 60].find((s) => seconds / s <= 8) ?? 120;
  const xTicks: (readonly [number, string])[] = [];
  for (let s = 0; s <= seconds + 1e-9; s += step) xTicks.push([x(s), String(Number(s.toFixed(1)))]);
  const yTicks = [0, 500, 1000, 2000, 4000, 8000].filter((hz) => hz <= nyquistHz).map((hz) => [y(mel(hz)), String(hz / 1000)] as const);
  const w = f.width - f.left - f.right;
  const h = f.height - f.top - f.bottom;
  const image = `<image x="${f.left}" y="${f.top}" width="${w}" height="${h}" preserveAspectRatio="none" href="data:image/png;base64,${img.png.toString('base64')}"/>`;
  return svgDocument(f, title, [image, axes(f, { title, xLabel: t.axisTime, yLabel: t.axisFreq, xTicks, yTicks })].join('\n'));
}
