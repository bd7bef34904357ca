/**
 * Reads what Seimon needs of an ONNX graph without running it: nodes with their attributes, the dims of
 * every initializer and the values of small integer ones, the declared graph inputs and outputs, and
 * the opset. Weights are not decoded. Used by the load-time graph rewrite and the benchmark's FLOP count.
 */
import type { ProtoField } from './onnx-proto.js';
import { ProtobufError, WIRE_I32, WIRE_LEN, WIRE_VARINT, protoFields, repeatedInts, utf8 } from './onnx-proto.js';

export interface OnnxTensorInfo {
  name: string;
  dims: number[];
  dataType: number;
  /** Values of a small INT64 tensor (axes, shapes); absent for weights. */
  ints?: number[];
}

export interface OnnxAttribute {
  i?: number;
  f?: number;
  ints?: number[];
  t?: OnnxTensorInfo;
  /** Set for attribute kinds Seimon does not read (strings, graphs...). */
  other?: true;
}

export interface OnnxNode {
  op: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attrs: Map<string, OnnxAttribute>;
  /** The NodeProto's fields as stored (for rewriting). */
  fields: ProtoField[];
}

export interface OnnxValue {
  name: string;
  /** Declared dims: a number, a symbolic name, or '?' when not given. */
  dims: (number | string)[];
}

export interface OnnxGraphInfo {
  nodes: OnnxNode[];
  initializers: Map<string, OnnxTensorInfo>;
  /** Graph inputs that are not initializers. */
  inputs: OnnxValue[];
  outputs: OnnxValue[];
  /** Version of the default ("" / ai.onnx) opset. */
  opset: number;
}

export const ONNX_INT64 = 7;
const SMALL_INTS = 64;

// Field numbers (onnx.proto).
const MODEL_GRAPH = 7;
const MODEL_OPSET = 8;
const GRAPH_NODE = 1;
const GRAPH_INITIALIZER = 5;
const GRAPH_INPUT = 11;
const GRAPH_OUTPUT = 12;

/** Reads a serialized ModelProto's graph. Throws ProtobufError on malformed bytes or no graph. */
export function readOnnxGraph(bytes: Uint8Array): OnnxGraphInfo {
  const model = protoFields(bytes);
  const graphField = model.find((f) => f.field === MODEL_GRAPH && f.wire === WIRE_LEN);
  if (!graphField) throw new ProtobufError('the model has no graph');
  let opset = 0;
  for (const f of model.filter((m) => m.field === MODEL_OPSET && m.wire === WIRE_LEN)) {
    const o = protoFields(f.body);
    const domain = utf8(o.find((x) => x.field === 1)?.body ?? new Uint8Array(0));
    if (domain === '' || domain === 'ai.onnx') opset = o.find((x) => x.field === 2)?.int ?? 0;
  }
  const out: OnnxGraphInfo = { nodes: [], initializers: new Map(), inputs: [], outputs: [], opset };
  const declared: OnnxValue[] = [];
  for (const f of protoFields(graphField.body)) {
    if (f.wire !== WIRE_LEN) continue;
    if (f.field === GRAPH_NODE) out.nodes.push(readNode(f.body));
    else if (f.field === GRAPH_INITIALIZER) {
      const t = readTensor(f.body);
      out.initializers.set(t.name, t);
    } else if (f.field === GRAPH_INPUT) declared.push(readValueInfo(f.body));
    else if (f.field === GRAPH_OUTPUT) out.outputs.push(readValueInfo(f.body));
  }
  out.inputs = declared.filter((d) => !out.initializers.has(d.name));
  return out;
}

export function readNode(bytes: Uint8Array): OnnxNode {
  const fields = protoFields(bytes);
  const node: OnnxNode = { op: '', domain: '', inputs: [], outputs: [], attrs: new Map(), fields };
  for (const f of fields) {
    if (f.wire !== WIRE_LEN) continue;
    if (f.field === 1) node.inputs.push(utf8(f.body));
    else if (f.field === 2) node.outputs.push(utf8(f.body));
    else if (f.field === 4) node.op = utf8(f.body);
    else if (f.field === 7) node.domain = utf8(f.body);
    else if (f.field === 5) {
      const [name, a] = readAttribute(f.body);
      node.attrs.set(name, a);
    }
  }
  return node;
}

function readAttribute(bytes: Uint8Array): [string, OnnxAttribute] {
  const fields = protoFields(bytes);
  let name = '';
  const a: OnnxAttribute = {};
  for (const f of fields) {
    if (f.field === 1 && f.wire === WIRE_LEN) name = utf8(f.body);
    else if (f.field === 2 && f.wire === WIRE_I32) a.f = f.float;
    else if (f.field === 3 && f.wire === WIRE_VARINT) a.i = f.int;
    else if (f.field === 5 && f.wire === WIRE_LEN) a.t = readTensor(f.body);
    else if (f.field === 8) a.ints = repeatedInts(fields, 8);
    else if (f.field !== 20 && f.field !== 13) a.other = true;
  }
  return [name, a];
}

export function readTensor(bytes: Uint8Array): OnnxTensorInfo {
  const fields = protoFields(bytes);
  const dims = repeatedInts(fields, 1);
  const info: OnnxTensorInfo = { name: '', dims, dataType: 0 };
  let raw: Uint8Array | null = null;
  for (const f of fields) {
    if (f.field === 2 && f.wire === WIRE_VARINT) info.dataType = f.int;
    else if (f.field === 8 && f.wire === WIRE_LEN) info.name = utf8(f.body);
    else if (f.field === 9 && f.wire === WIRE_LEN) raw = f.body;
  }
  const count = dims.reduce((n, d) => n * d, 1);
  if (info.dataType === ONNX_INT64 && count <= SMALL_INTS) {
    if (raw && raw.length === count * 8) {
      const view = new DataView(raw.buffer, raw.byteOffset, raw.length);
      info.ints = Array.from({ length: count }, (_, i) => Number(view.getBigInt64(i * 8, true)));
    } else {
      const data = repeatedInts(fields, 7);
      if (data.length === count) info.ints = data;
    }
  }
  return info;
}

/** ValueInfoProto: name and TypeProto.tensor_type.shape.dim[] (dim_value or dim_param). */
function readValueInfo(bytes: Uint8Array): OnnxValue {
  const v: OnnxValue = { name: '', dims: [] };
  for (const f of protoFields(bytes)) {
    if (f.field === 1 && f.wire === WIRE_LEN) v.name = utf8(f.body);
    if (f.field !== 2 || f.wire !== WIRE_LEN) continue;
    const tensor = protoFields(f.body).find((t) => t.field === 1 && t.wire === WIRE_LEN);
    const shape = tensor && protoFields(tensor.body).find((s) => s.field === 2 && s.wire === WIRE_LEN);
    if (!shape) continue;
    for (const d of protoFields(shape.body)) {
      if (d.field !== 1 || d.wire !== WIRE_LEN) continue;
      const dim = protoFields(d.body);
      const value = dim.find((x) => x.field === 1 && x.wire === WIRE_VARINT);
      const param = dim.find((x) => x.field === 2 && x.wire === WIRE_LEN);
      v.dims.push(value ? value.int : param ? utf8(param.body) : '?');
    }
  }
  return v;
}
