/**
 * A load-time graph rewrite that is exact in arithmetic: every Conv1d of a TDNN-style speaker model
 * becomes a Conv2d over [batch, channels, 1, frames] (kernel 1 x k), because ONNX Runtime's CPU
 * layout optimiser (NCHWc blocking, fused Conv + activation) handles 2-D convolutions only. The
 * tensor is lifted to 4-D once, before the first Conv, and stays 4-D through the ops that follow
 * (activations, batch norm, elementwise arithmetic, reductions over time, softmax, concatenation);
 * axes are renumbered and reductions that drop the time axis drop the extra axis too. Weights keep
 * their bytes (an [O, I, k] array is an [O, I, 1, k] array); only their dims change.
 *
 * The rewrite refuses (returns a reason) for any graph it cannot follow with certainty; the worker
 * also checks the rewritten model against the original on a probe input before using it.
 */
import type { OnnxGraphInfo, OnnxNode } from './onnx-graph.js';
import { ONNX_INT64, readOnnxGraph } from './onnx-graph.js';
import type { ProtoField } from './onnx-proto.js';
import { WIRE_LEN, concatBytes, encodeText, lenField, protoFields, repeatedInts, utf8, varintField } from './onnx-proto.js';

export type Conv2dRewrite = { bytes: Uint8Array; convs: number } | { refused: string };

const UNARY = new Set(['Relu', 'Sigmoid', 'Tanh', 'Sqrt', 'Exp', 'Log', 'Abs', 'Neg', 'Erf', 'Clip', 'LeakyRelu', 'Elu', 'Softplus', 'HardSigmoid', 'Identity', 'Reciprocal', 'BatchNormalization']);
const BINARY = new Set(['Add', 'Sub', 'Mul', 'Div', 'Pow', 'Max', 'Min']);
const REDUCE = new Set(['ReduceMean', 'ReduceSum', 'ReduceMax', 'ReduceMin', 'ReduceL2', 'ReduceSumSquare']);
/** Opset from which each reduction takes its axes as an input rather than an attribute. */
const AXES_AS_INPUT: Record<string, number> = { ReduceSum: 13 };
const AXES_AS_INPUT_DEFAULT = 18;

/** The time axis of [batch, channels, frames] goes to 3; batch and channels keep their places. */
const liftAxis = (a: number) => (a < 2 ? a : a + 1);
const normAxis = (a: number) => (a < 0 ? a + 3 : a);

interface Plan {
  /** New attribute encodings and renamed inputs per rewritten node index. */
  edits: Map<number, { inputs?: string[]; attrs: Map<string, Uint8Array> }>;
  /** Unsqueeze node bytes to insert before a node index. */
  insertBefore: Map<number, Uint8Array>;
  newInitializers: Uint8Array[];
  /** Conv weights whose dims gain the 1. */
  weights: Set<string>;
  /** Constant nodes left without a consumer (axes replaced by new initializers). */
  drop: Set<number>;
  /** Initializers left without a consumer, for the same reason. */
  dropInitializers: Set<string>;
  convs: number;
}

/** Rewrites the model's Conv1d layers as Conv2d, or says why it will not. */
export function rewriteConv1dAsConv2d(bytes: Uint8Array): Conv2dRewrite {
  let graph: OnnxGraphInfo;
  try {
    graph = readOnnxGraph(bytes);
  } catch (e) {
    return { refused: `unreadable model: ${(e as Error).message}` };
  }
  const plan = planRewrite(graph);
  if ('refused' in plan) return plan;
  return { bytes: writeModel(bytes, plan), convs: plan.convs };
}

function planRewrite(g: OnnxGraphInfo): Plan | { refused: string } {
  const plan: Plan = { edits: new Map(), insertBefore: new Map(), newInitializers: [], weights: new Set(), drop: new Set(), dropInitializers: new Set(), convs: 0 };
  const four = new Set<string>();
  let liftedOnce = false;
  const scalar = new Set<string>();
  const constInts = new Map<string, number[]>();
  for (const [name, t] of g.initializers) {
    if (t.dims.reduce((n, d) => n * d, 1) === 1) scalar.add(name);
    if (t.ints) constInts.set(name, t.ints);
  }
  const weightUsers = new Map<string, number>();
  for (const n of g.nodes) for (const i of n.inputs.slice(1)) weightUsers.set(i, (weightUsers.get(i) ?? 0) + 1);

  for (const [index, node] of g.nodes.entries()) {
    if (node.domain !== '' && node.domain !== 'ai.onnx') {
      if (node.inputs.some((i) => four.has(i))) return { refused: `custom-domain op ${node.op} on a rewritten tensor` };
      continue;
    }
    if (node.op === 'Constant') {
      const t = node.attrs.get('value')?.t;
      const out = node.outputs[0];
      if (t && out && t.dims.reduce((n, d) => n * d, 1) === 1) scalar.add(out);
      if (t?.ints && out) constInts.set(out, t.ints);
      continue;
    }
    const data = node.inputs[0] ?? '';
    const anyFour = node.inputs.some((i) => four.has(i));
    const weight = node.op === 'Conv' ? g.initializers.get(node.inputs[1] ?? '') : undefined;
    if (node.op === 'Conv' && weight?.dims.length === 3) {
      const why = convRefusal(node, weight.dims, weightUsers, g);
      if (why) return { refused: why };
      const inputs = [...node.inputs];
      if (!four.has(data)) {
        if (liftedOnce) return { refused: `a second 3-D tensor (${data}) would need lifting` };
        const name = `${data}__seimon_4d`;
        liftedOnce = true;
        four.add(name);
        plan.insertBefore.set(index, unsqueezeNode(data, name, g.opset, plan));
        inputs[0] = name;
      }
      const k = weight.dims[2]!;
      const a = (n: string, fallback: number[]) => node.attrs.get(n)?.ints ?? fallback;
      const [p0, p1] = a('pads', [0, 0]) as [number, number];
      plan.edits.set(index, {
        inputs,
        attrs: new Map([
          ['kernel_shape', intsAttr('kernel_shape', [1, k])],
          ['dilations', intsAttr('dilations', [1, a('dilations', [1])[0]!])],
          ['strides', intsAttr('strides', [1, a('strides', [1])[0]!])],
          ['pads', intsAttr('pads', [0, p0, 0, p1])],
        ]),
      });
      plan.weights.add(node.inputs[1]!);
      plan.convs++;
      for (const o of node.outputs.slice(0, 1)) four.add(o);
      continue;
    }
    if (!anyFour) continue;
    const out = node.outputs[0] ?? '';
    if (node.outputs.length !== 1) return { refused: `${node.op} with ${node.outputs.length} outputs on a rewritten tensor` };
    if (UNARY.has(node.op)) {
      if (node.inputs.slice(1).some((i) => four.has(i))) return { refused: `${node.op} with a 4-D parameter` };
      four.add(out);
    } else if (BINARY.has(node.op)) {
      const bad = node.inputs.find((i) => i !== '' && !four.has(i) && !scalar.has(i));
      if (bad) return { refused: `${node.op} mixes a rewritten tensor with ${bad}, whose broadcast would change` };
      four.add(out);
    } else if (REDUCE.has(node.op)) {
      const r = reduceEdit(node, index, g.opset, constInts, plan);
      if (typeof r === 'string') return { refused: r };
      if (r) four.add(out);
    } else if (node.op === 'Softmax' || node.op === 'LogSoftmax') {
      const axis = normAxis(node.attrs.get('axis')?.i ?? (g.opset >= 13 ? -1 : 1));
      plan.edits.set(index, { attrs: new Map([['axis', intAttr('axis', liftAxis(axis))]]) });
      four.add(out);
    } else if (node.op === 'Concat') {
      if (!node.inputs.every((i) => four.has(i))) return { refused: 'Concat of rewritten and other tensors' };
      const axis = normAxis(node.attrs.get('axis')?.i ?? 0);
      plan.edits.set(index, { attrs: new Map([['axis', intAttr('axis', liftAxis(axis))]]) });
      four.add(out);
    } else return { refused: `${node.op} on a rewritten tensor` };
  }
  if (plan.convs === 0) return { refused: 'no Conv1d layers' };
  const leaking = g.outputs.find((o) => four.has(o.name));
  if (leaking) return { refused: `graph output ${leaking.name} would be 4-D` };
  const used = new Set(g.outputs.map((o) => o.name));
  g.nodes.forEach((n, i) => (plan.edits.get(i)?.inputs ?? n.inputs).forEach((x) => used.add(x)));
  g.nodes.forEach((n, i) => {
    if (n.op === 'Constant' && n.outputs.every((o) => !used.has(o))) plan.drop.add(i);
    for (const x of n.inputs) if (g.initializers.has(x) && !used.has(x)) plan.dropInitializers.add(x);
  });
  return plan;
}

function convRefusal(node: OnnxNode, dims: number[], weightUsers: Map<string, number>, g: OnnxGraphInfo): string | null {
  if (node.attrs.has('auto_pad')) return 'Conv with auto_pad';
  if ((weightUsers.get(node.inputs[1] ?? '') ?? 0) !== 1) return `Conv weight ${node.inputs[1]} shared with other nodes`;
  const k = node.attrs.get('kernel_shape')?.ints;
  if (k && (k.length !== 1 || k[0] !== dims[2])) return 'Conv kernel_shape does not match its weight';
  for (const n of ['dilations', 'strides']) if ((node.attrs.get(n)?.ints?.length ?? 1) !== 1) return `Conv ${n} not 1-D`;
  if ((node.attrs.get('pads')?.ints?.length ?? 2) !== 2) return 'Conv pads not 1-D';
  if (g.initializers.get(node.inputs[1] ?? '')?.dataType !== 1) return 'Conv weight is not float32';
  return null;
}

/** Plans a reduction over a 4-D tensor; returns whether its output stays 4-D, or a refusal. */
function reduceEdit(node: OnnxNode, index: number, opset: number, constInts: Map<string, number[]>, plan: Plan): boolean | string {
  if ((node.attrs.get('noop_with_empty_axes')?.i ?? 0) !== 0) return `${node.op} with noop_with_empty_axes`;
  const keep = (node.attrs.get('keepdims')?.i ?? 1) === 1;
  const fromInput = opset >= (AXES_AS_INPUT[node.op] ?? AXES_AS_INPUT_DEFAULT);
  const given = fromInput ? (node.inputs[1] ? constInts.get(node.inputs[1]) : undefined) : node.attrs.get('axes')?.ints;
  if (fromInput && node.inputs[1] && !given) return `${node.op} axes not constant`;
  if (!given) return keep; // all axes: [1,1,1,1] kept, or a scalar
  const axes = given.map(normAxis).map(liftAxis);
  if (!keep && !axes.includes(2)) axes.push(2);
  axes.sort((a, b) => a - b);
  if (fromInput) {
    const name = `${node.outputs[0]}__seimon_axes`;
    plan.newInitializers.push(int64Tensor(name, axes));
    plan.edits.set(index, { inputs: [node.inputs[0]!, name, ...node.inputs.slice(2)], attrs: new Map() });
  } else plan.edits.set(index, { attrs: new Map([['axes', intsAttr('axes', axes)]]) });
  return keep;
}

function unsqueezeNode(input: string, output: string, opset: number, plan: Plan): Uint8Array {
  const parts = [lenField(1, encodeText(input))];
  if (opset >= 13) {
    const axes = `${output}__axes`;
    plan.newInitializers.push(int64Tensor(axes, [2]));
    parts.push(lenField(1, encodeText(axes)));
  }
  parts.push(lenField(2, encodeText(output)), lenField(3, encodeText(`${output}__unsqueeze`)), lenField(4, encodeText('Unsqueeze')));
  if (opset < 13) parts.push(lenField(5, intsAttr('axes', [2])));
  return concatBytes(parts);
}

const ATTR_INT = 2;
const ATTR_INTS = 7;

function intAttr(name: string, v: number): Uint8Array {
  return concatBytes([lenField(1, encodeText(name)), varintField(3, v), varintField(20, ATTR_INT)]);
}

function intsAttr(name: string, v: number[]): Uint8Array {
  return concatBytes([lenField(1, encodeText(name)), ...v.map((x) => varintField(8, x)), varintField(20, ATTR_INTS)]);
}

function int64Tensor(name: string, values: number[]): Uint8Array {
  const raw = new DataView(new ArrayBuffer(values.length * 8));
  values.forEach((v, i) => raw.setBigInt64(i * 8, BigInt(v), true));
  return concatBytes([varintField(1, values.length), varintField(2, ONNX_INT64), lenField(8, encodeText(name)), lenField(9, new Uint8Array(raw.buffer))]);
}

/** The model with the planned edits: untouched fields are copied byte for byte. */
function writeModel(bytes: Uint8Array, plan: Plan): Uint8Array {
  const model = protoFields(bytes);
  const parts: Uint8Array[] = [];
  for (const f of model) parts.push(f.field === 7 && f.wire === WIRE_LEN ? lenField(7, writeGraph(f.body, plan)) : f.raw);
  return concatBytes(parts);
}

function writeGraph(body: Uint8Array, plan: Plan): Uint8Array {
  const parts: Uint8Array[] = [];
  let nodeIndex = 0;
  let initializersDone = false;
  const fields = protoFields(body);
  // Old models list initializers among the graph inputs too: those stay, used or not.
  const declared = new Set(fields.filter((f) => f.field === 11 && f.wire === WIRE_LEN).map((f) => utf8(protoFields(f.body).find((x) => x.field === 1)?.body ?? new Uint8Array(0))));
  for (const f of fields) {
    if (f.field === 13) continue; // value_info: intermediate shapes change; the runtime infers them
    if (f.field === 1 && f.wire === WIRE_LEN) {
      const before = plan.insertBefore.get(nodeIndex);
      if (before) parts.push(lenField(1, before));
      const edit = plan.edits.get(nodeIndex);
      if (!plan.drop.has(nodeIndex)) parts.push(edit ? lenField(1, editNode(protoFields(f.body), edit)) : f.raw);
      nodeIndex++;
      continue;
    }
    if (f.field === 5 && f.wire === WIRE_LEN) {
      if (!initializersDone) {
        for (const t of plan.newInitializers) parts.push(lenField(5, t));
        initializersDone = true;
      }
      const t = protoFields(f.body);
      const name = utf8(t.find((x) => x.field === 8)?.body ?? new Uint8Array(0));
      if (!plan.dropInitializers.has(name) || declared.has(name)) parts.push(plan.weights.has(name) ? lenField(5, liftWeightDims(t)) : f.raw);
      continue;
    }
    parts.push(f.raw);
  }
  if (!initializersDone) for (const t of plan.newInitializers) parts.push(lenField(5, t));
  return concatBytes(parts);
}

function editNode(fields: ProtoField[], edit: { inputs?: string[]; attrs: Map<string, Uint8Array> }): Uint8Array {
  const parts: Uint8Array[] = [];
  if (edit.inputs) parts.push(...edit.inputs.map((i) => lenField(1, encodeText(i))));
  for (const f of fields) {
    if (f.field === 1 && edit.inputs) continue;
    if (f.field === 5 && f.wire === WIRE_LEN) {
      const name = utf8(protoFields(f.body).find((x) => x.field === 1)?.body ?? new Uint8Array(0));
      if (edit.attrs.has(name)) continue;
    }
    parts.push(f.raw);
  }
  for (const a of edit.attrs.values()) parts.push(lenField(5, a));
  return concatBytes(parts);
}

/** [O, I, k] -> [O, I, 1, k]: the same bytes, one more dim. */
function liftWeightDims(t: ProtoField[]): Uint8Array {
  const [o, i, k] = repeatedInts(t, 1) as [number, number, number];
  return concatBytes([...[o, i, 1, k].map((d) => varintField(1, d)), ...t.filter((f) => f.field !== 1).map((f) => f.raw)]);
}
