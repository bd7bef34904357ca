/**
 * Writes small ONNX models in code (benchmarks and their tests): float32 graph inputs and outputs
 * with fixed or symbolic dims, float32 initializers, nodes with int / ints / float attributes.
 * Used for the machine-peak MatMul model and the FLOP counter's test graphs, so no binary is committed.
 */
import { concatBytes, encodeKey, encodeText, lenField, varintField } from '../../src/embedding/onnx-proto.js';

export interface BuildNode {
  op: string;
  inputs: string[];
  outputs: string[];
  attrs?: Record<string, number | number[] | { float: number }>;
}

export interface BuildValue {
  name: string;
  dims: (number | string)[];
}

export interface BuildInitializer {
  name: string;
  dims: number[];
  /** float32 values, or int64 values when `int64` is set (axes, shapes). */
  data: Float32Array | number[];
  int64?: boolean;
}

export interface BuildModel {
  nodes: BuildNode[];
  inputs: BuildValue[];
  outputs: BuildValue[];
  initializers?: BuildInitializer[];
  opset?: number;
}

const FLOAT = 1;
const INT64 = 7;
const ATTR_FLOAT = 1;
const ATTR_INT = 2;
const ATTR_INTS = 7;

/** Serializes the model as an ONNX ModelProto (IR version 7). */
export function buildOnnxModel(m: BuildModel): Uint8Array {
  const graph = [
    ...m.nodes.map((n) => field(1, nodeProto(n))),
    field(2, text('bench')),
    ...(m.initializers ?? []).map((t) => field(5, tensorProto(t))),
    ...m.inputs.map((v) => field(11, valueInfo(v))),
    ...m.outputs.map((v) => field(12, valueInfo(v))),
  ];
  return concat([
    varintField(1, 7),
    field(2, text('seimon-bench')),
    field(7, concat(graph)),
    field(8, concat([field(1, text('')), varintField(2, m.opset ?? 13)])),
  ]);
}

function nodeProto(n: BuildNode): Uint8Array {
  const attrs = Object.entries(n.attrs ?? {}).map(([name, v]) => {
    const parts = [field(1, text(name))];
    if (typeof v === 'number') parts.push(varintField(3, v), varintField(20, ATTR_INT));
    else if (Array.isArray(v)) parts.push(...v.map((i) => varintField(8, i)), varintField(20, ATTR_INTS));
    else {
      const f = new Uint8Array(4);
      new DataView(f.buffer).setFloat32(0, v.float, true);
      parts.push(key(2, 5), f, varintField(20, ATTR_FLOAT));
    }
    return field(5, concat(parts));
  });
  return concat([...n.inputs.map((i) => field(1, text(i))), ...n.outputs.map((o) => field(2, text(o))), field(4, text(n.op)), ...attrs]);
}

function tensorProto(t: BuildInitializer): Uint8Array {
  let raw: Uint8Array;
  if (t.int64) {
    const view = new DataView(new ArrayBuffer(t.data.length * 8));
    Array.from(t.data).forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
    raw = new Uint8Array(view.buffer);
  } else {
    const f = Float32Array.from(t.data);
    raw = new Uint8Array(f.buffer, f.byteOffset, f.byteLength);
  }
  return concat([...t.dims.map((d) => varintField(1, d)), varintField(2, t.int64 ? INT64 : FLOAT), field(8, text(t.name)), field(9, raw)]);
}

function valueInfo(v: BuildValue): Uint8Array {
  const dims = v.dims.map((d) => field(1, typeof d === 'number' ? varintField(1, d) : field(2, text(d))));
  const tensor = concat([varintField(1, FLOAT), field(2, concat(dims))]);
  return concat([field(1, text(v.name)), field(2, field(1, tensor))]);
}

function text(s: string): Uint8Array {
  return encodeText(s);
}

function key(fieldNumber: number, wire: number): Uint8Array {
  return encodeKey(fieldNumber, wire);
}

const field = lenField;
const concat = concatBytes;
