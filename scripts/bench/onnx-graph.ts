/**
 * Reads the parts of an ONNX graph a FLOP count needs (benchmarks only): nodes with their attributes,
 * the dims of every initializer and the values of small integer ones, and the declared graph inputs.
 * Weights are skipped by their length prefix; nothing is executed.
 */
import { ProtobufError, WIRE_I32, WIRE_I64, WIRE_LEN, WIRE_VARINT, splitKey } from '../../src/models/protobuf.js';

export interface OnnxTensorInfo {
  dims: number[];
  /** Values of a small INT64 tensor (axes, shapes); absent for weights. */
  ints?: number[];
}

export interface OnnxAttribute {
  i?: number;
  f?: number;
  ints?: number[];
  t?: OnnxTensorInfo;
}

export interface OnnxNode {
  op: string;
  inputs: string[];
  outputs: string[];
  attrs: Map<string, OnnxAttribute>;
}

export interface OnnxGraphInfo {
  nodes: OnnxNode[];
  initializers: Map<string, OnnxTensorInfo>;
  /** Graph inputs that are not initializers, with their declared dims (a string for a symbolic one). */
  inputs: { name: string; dims: (number | string)[] }[];
}

const INT64 = 7;
const SMALL_INTS = 64;

/** Reads a serialized ONNX ModelProto's graph. Throws ProtobufError on malformed bytes. */
export function readOnnxGraph(bytes: Uint8Array): OnnxGraphInfo {
  const model = new Reader(bytes);
  let graph: Uint8Array | null = null;
  while (!model.done) {
    const k = model.key();
    if (k.field === 7 && k.wire === WIRE_LEN) graph = model.bytes();
    else model.skip(k.wire);
  }
  if (!graph) throw new ProtobufError('the model has no graph');
  const out: OnnxGraphInfo = { nodes: [], initializers: new Map(), inputs: [] };
  const declared: { name: string; dims: (number | string)[] }[] = [];
  const g = new Reader(graph);
  while (!g.done) {
    const k = g.key();
    if (k.field === 1 && k.wire === WIRE_LEN) out.nodes.push(readNode(g.bytes()));
    else if (k.field === 5 && k.wire === WIRE_LEN) {
      const t = readTensor(g.bytes());
      out.initializers.set(t.name, t.info);
    } else if (k.field === 11 && k.wire === WIRE_LEN) declared.push(readValueInfo(g.bytes()));
    else g.skip(k.wire);
  }
  out.inputs = declared.filter((d) => !out.initializers.has(d.name));
  return out;
}

function readNode(bytes: Uint8Array): OnnxNode {
  const r = new Reader(bytes);
  const node: OnnxNode = { op: '', inputs: [], outputs: [], attrs: new Map() };
  while (!r.done) {
    const k = r.key();
    if (k.field === 1 && k.wire === WIRE_LEN) node.inputs.push(r.string());
    else if (k.field === 2 && k.wire === WIRE_LEN) node.outputs.push(r.string());
    else if (k.field === 4 && k.wire === WIRE_LEN) node.op = r.string();
    else if (k.field === 5 && k.wire === WIRE_LEN) {
      const [name, a] = readAttribute(r.bytes());
      node.attrs.set(name, a);
    } else r.skip(k.wire);
  }
  return node;
}

function readAttribute(bytes: Uint8Array): [string, OnnxAttribute] {
  const r = new Reader(bytes);
  let name = '';
  const a: OnnxAttribute = {};
  while (!r.done) {
    const k = r.key();
    if (k.field === 1 && k.wire === WIRE_LEN) name = r.string();
    else if (k.field === 2 && k.wire === WIRE_I32) a.f = r.float32();
    else if (k.field === 3 && k.wire === WIRE_VARINT) a.i = r.int64();
    else if (k.field === 5 && k.wire === WIRE_LEN) a.t = readTensor(r.bytes()).info;
    else if (k.field === 8) (a.ints ??= []).push(...r.int64s(k.wire));
    else r.skip(k.wire);
  }
  return [name, a];
}

function readTensor(bytes: Uint8Array): { name: string; info: OnnxTensorInfo } {
  const r = new Reader(bytes);
  const dims: number[] = [];
  let name = '';
  let type = 0;
  let raw: Uint8Array | null = null;
  const int64Data: number[] = [];
  while (!r.done) {
    const k = r.key();
    if (k.field === 1) dims.push(...r.int64s(k.wire));
    else if (k.field === 2 && k.wire === WIRE_VARINT) type = r.int64();
    else if (k.field === 7) int64Data.push(...r.int64s(k.wire));
    else if (k.field === 8 && k.wire === WIRE_LEN) name = r.string();
    else if (k.field === 9 && k.wire === WIRE_LEN) raw = r.bytes();
    else r.skip(k.wire);
  }
  const info: OnnxTensorInfo = { dims };
  const count = dims.reduce((n, d) => n * d, 1);
  if (type === INT64 && count <= SMALL_INTS) {
    if (raw && raw.length === count * 8) {
      const view = new DataView(raw.buffer, raw.byteOffset, raw.length);
      info.ints = Array.from({ length: count }, (_, i) => Number(view.getBigInt64(i * 8, true)));
    } else if (int64Data.length === count) info.ints = int64Data;
  }
  return { name, info };
}

function readValueInfo(bytes: Uint8Array): { name: string; dims: (number | string)[] } {
  let name = '';
  let dims: (number | string)[] = [];
  const r = new Reader(bytes);
  while (!r.done) {
    const k = r.key();
    if (k.field === 1 && k.wire === WIRE_LEN) name = r.string();
    else if (k.field === 2 && k.wire === WIRE_LEN) dims = readTypeDims(r.bytes());
    else r.skip(k.wire);
  }
  return { name, dims };
}

/** TypeProto.tensor_type.shape.dim[]: dim_value or dim_param. */
function readTypeDims(bytes: Uint8Array): (number | string)[] {
  const dims: (number | string)[] = [];
  const type = new Reader(bytes);
  while (!type.done) {
    const k = type.key();
    if (k.field !== 1 || k.wire !== WIRE_LEN) {
      type.skip(k.wire);
      continue;
    }
    const tensor = new Reader(type.bytes());
    while (!tensor.done) {
      const tk = tensor.key();
      if (tk.field !== 2 || tk.wire !== WIRE_LEN) {
        tensor.skip(tk.wire);
        continue;
      }
      const shape = new Reader(tensor.bytes());
      while (!shape.done) {
        const sk = shape.key();
        if (sk.field !== 1 || sk.wire !== WIRE_LEN) {
          shape.skip(sk.wire);
          continue;
        }
        const dim = new Reader(shape.bytes());
        let value: number | string = '?';
        while (!dim.done) {
          const dk = dim.key();
          if (dk.field === 1 && dk.wire === WIRE_VARINT) value = dim.int64();
          else if (dk.field === 2 && dk.wire === WIRE_LEN) value = dim.string();
          else dim.skip(dk.wire);
        }
        dims.push(value);
      }
    }
  }
  return dims;
}

/** Protobuf fields of one message, with signed 64-bit varints (negative axes are common in ONNX). */
class Reader {
  private pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  key(): { field: number; wire: number } {
    return splitKey(Number(this.varint()));
  }

  int64(): number {
    return Number(BigInt.asIntN(64, this.varint()));
  }

  /** A repeated int64 field, packed (one LEN field) or not (one varint). */
  int64s(wire: number): number[] {
    if (wire === WIRE_VARINT) return [this.int64()];
    if (wire !== WIRE_LEN) throw new ProtobufError(`repeated int64 with wire type ${wire}`);
    const inner = new Reader(this.bytes());
    const out: number[] = [];
    while (!inner.done) out.push(inner.int64());
    return out;
  }

  float32(): number {
    this.need(4);
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 4).getFloat32(0, true);
    this.pos += 4;
    return v;
  }

  bytes(): Uint8Array {
    const n = Number(this.varint());
    this.need(n);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  string(): string {
    return new TextDecoder().decode(this.bytes());
  }

  skip(wire: number): void {
    if (wire === WIRE_VARINT) this.varint();
    else if (wire === WIRE_LEN) this.bytes();
    else {
      const n = wire === WIRE_I64 ? 8 : 4;
      this.need(n);
      this.pos += n;
    }
  }

  private varint(): bigint {
    let v = 0n;
    for (let i = 0; i < 10; i++) {
      const b = this.buf[this.pos++];
      if (b === undefined) throw new ProtobufError('truncated varint');
      v |= BigInt(b & 0x7f) << BigInt(7 * i);
      if ((b & 0x80) === 0) return v;
    }
    throw new ProtobufError('varint longer than 10 bytes');
  }

  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new ProtobufError('field runs past the end of the message');
  }
}
