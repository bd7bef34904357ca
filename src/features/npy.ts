import { SeimonError } from '../core/errors.js';
import type { FeatureMatrix } from './fbank.js';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

/** Serialises a [frames, bins] float32 matrix as a NumPy .npy (format 1.0, little-endian, C order). */
export function encodeNpy(m: FeatureMatrix): Buffer {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${m.numFrames}, ${m.numBins}), }`;
  // NumPy pads the header with spaces and a newline so the data starts 64-byte aligned.
  const total = 10 + header.length + 1;
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const out = Buffer.alloc(10 + header.length + m.data.length * 4);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  out.writeUInt16LE(header.length, 8);
  out.write(header, 10, 'latin1');
  const body = new DataView(out.buffer, out.byteOffset + 10 + header.length, m.data.length * 4);
  for (let i = 0; i < m.data.length; i++) body.setFloat32(i * 4, m.data[i]!, true);
  return out;
}

function bad(message: string): SeimonError {
  return new SeimonError('AUDIO_BAD_NPY', message);
}

/** Reads a 2-D little-endian float32/float64 C-order .npy into a float32 matrix. */
export function decodeNpy(buf: Uint8Array): FeatureMatrix {
  if (buf.length < 10 || MAGIC.some((b, i) => buf[i] !== b)) throw bad('not a NumPy .npy file');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const major = buf[6]!;
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  if (headerStart + headerLen > buf.length) throw bad('.npy header is truncated');
  const header = Buffer.from(buf.subarray(headerStart, headerStart + headerLen)).toString('latin1');
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined)
    throw bad('.npy header is malformed');
  if (fortran === 'True') throw bad('Fortran-order .npy is not supported');
  const dims = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  if (dims.length !== 2 || dims.some((d) => !Number.isInteger(d) || d < 0))
    throw bad(`expected a 2-D .npy, got shape (${shapeText})`);
  const [rows, cols] = dims as [number, number];
  const width = descr === '<f4' ? 4 : descr === '<f8' ? 8 : 0;
  if (width === 0) throw bad(`unsupported .npy dtype ${descr}`);
  const dataStart = headerStart + headerLen;
  const count = rows * cols;
  if (dataStart + count * width > buf.length) throw bad('.npy data is truncated');
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    data[i] =
      width === 4
        ? view.getFloat32(dataStart + 4 * i, true)
        : view.getFloat64(dataStart + 8 * i, true);
  }
  return { numFrames: rows, numBins: cols, data };
}
