// The signing key as a QR code in the report: a reader scans the page and gets the public key (PEM), so
// the key can be compared with the one the sender published without retyping 44 base64 characters.
import qrcode from 'qrcode-generator';
import { svgToPng } from './raster.js';
import type { Block } from './blocks.js';

/** Module size in SVG units and the quiet zone (4 modules, as the QR standard asks). */
const MODULE = 4;
const QUIET = 4;

/** The dark modules of a QR code (error correction M) for `text`, as a square matrix. */
export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** An SVG of the QR code: one path of unit squares, black on white with the quiet zone. */
export function qrSvg(text: string): { svg: string; size: number } {
  const m = qrModules(text);
  const size = (m.length + 2 * QUIET) * MODULE;
  const d: string[] = [];
  m.forEach((row, r) => row.forEach((dark, c) => dark && d.push(`M${(c + QUIET) * MODULE} ${(r + QUIET) * MODULE}h${MODULE}v${MODULE}h-${MODULE}z`)));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${d.join('')}"/></svg>`;
  return { svg, size };
}

/** The report figure: the public key's QR code, printed about 4.5 cm wide, with its caption. */
export function keyQrFigure(publicKeyPem: string, caption: string): Extract<Block, { kind: 'figure' }> {
  const { svg, size } = qrSvg(publicKeyPem.trim());
  return { kind: 'figure', svg, png: svgToPng(svg), width: size, height: size, caption, maxWidthPt: 128 };
}
