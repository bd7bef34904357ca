/**
 * Counts the multiply-accumulates of an ONNX graph for given input shapes (benchmarks only): shapes
 * are propagated node by node and every Conv, Gemm and MatMul is counted. Other
 * ops (activations, norms, reductions) are not counted: FLOPs = 2 x MACs of the linear layers, the
 * usual convention, which is what bounds a CPU's speed on these models.
 */
import type { OnnxGraphInfo, OnnxNode } from '../../src/embedding/onnx-graph.js';

export interface MacCount {
  /** Multiply-accumulates of every Conv, Gemm and MatMul. */
  macs: number;
  /** The same, per op type. */
  byOp: Record<string, number>;
  /** The shape the counter followed for every tensor (to check it against a real run). */
  shapes: Map<string, number[]>;
}

type Shape = number[];

const SAME_SHAPE = new Set([
  'Relu', 'Sigmoid', 'Tanh', 'Sqrt', 'Exp', 'Log', 'Abs', 'Neg', 'Erf', 'Clip', 'LeakyRelu', 'Elu', 'Selu',
  'Softplus', 'HardSigmoid', 'HardSwish', 'Identity', 'Dropout', 'Softmax', 'LogSoftmax',
  'BatchNormalization', 'InstanceNormalization', 'LayerNormalization', 'Cast', 'Reciprocal', 'Floor', 'Ceil',
]);
const BROADCAST = new Set(['Add', 'Sub', 'Mul', 'Div', 'Pow', 'Max', 'Min', 'PRelu', 'Equal', 'Greater', 'Less', 'Where']);
const REDUCE = new Set(['ReduceMean', 'ReduceSum', 'ReduceMax', 'ReduceMin', 'ReduceProd', 'ReduceL2', 'ReduceSumSquare']);

/** Counts MACs for the given shapes of the graph's inputs; throws on an op it cannot follow. */
export function countMacs(graph: OnnxGraphInfo, inputShapes: Record<string, Shape>): MacCount {
  const shapes = new Map<string, Shape>();
  const ints = new Map<string, number[]>();
  for (const [name, t] of graph.initializers) {
    shapes.set(name, t.dims);
    if (t.ints) ints.set(name, t.ints);
  }
  for (const input of graph.inputs) {
    const s = inputShapes[input.name];
    if (!s) throw new Error(`no shape given for graph input ${input.name}`);
    shapes.set(input.name, s);
  }
  const count: MacCount = { macs: 0, byOp: {}, shapes };
  const shapeOf = (name: string | undefined): Shape => {
    const s = name === undefined ? undefined : shapes.get(name);
    if (!s) throw new Error(`unknown shape of ${name ?? '(missing input)'}`);
    return s;
  };
  for (const node of graph.nodes) {
    const { shape, macs } = follow(node, shapeOf, ints);
    if (macs > 0) {
      count.macs += macs;
      count.byOp[node.op] = (count.byOp[node.op] ?? 0) + macs;
    }
    const out = node.outputs[0];
    if (out) shapes.set(out, shape);
    if (node.op === 'Constant' && out) {
      const t = node.attrs.get('value')?.t;
      if (t?.ints) ints.set(out, t.ints);
    }
  }
  return count;
}

function follow(node: OnnxNode, shapeOf: (name: string | undefined) => Shape, ints: Map<string, number[]>): { shape: Shape; macs: number } {
  const attrInts = (name: string) => node.attrs.get(name)?.ints;
  const attrInt = (name: string, fallback: number) => node.attrs.get(name)?.i ?? fallback;
  const x = () => shapeOf(node.inputs[0]);
  const axesFrom = (rank: number): number[] | undefined => {
    const a = attrInts('axes') ?? (node.inputs[1] ? ints.get(node.inputs[1]) : undefined);
    return a?.map((v) => (v < 0 ? v + rank : v));
  };
  switch (node.op) {
    case 'Conv':
      return conv(node, x(), shapeOf(node.inputs[1]));
    case 'Gemm': {
      const a = x();
      const b = shapeOf(node.inputs[1]);
      const [m, k] = attrInt('transA', 0) ? [a[1]!, a[0]!] : [a[0]!, a[1]!];
      const n = attrInt('transB', 0) ? b[0]! : b[1]!;
      return { shape: [m, n], macs: m * n * k };
    }
    case 'MatMul':
      return matmul(x(), shapeOf(node.inputs[1]));
    case 'Transpose': {
      const s = x();
      const perm = attrInts('perm') ?? s.map((_, i) => s.length - 1 - i);
      return { shape: perm.map((p) => s[p]!), macs: 0 };
    }
    case 'Concat': {
      const parts = node.inputs.map((n) => shapeOf(n));
      const first = parts[0]!;
      const axis = norm(attrInt('axis', 0), first.length);
      const shape = [...first];
      shape[axis] = parts.reduce((n, p) => n + p[axis]!, 0);
      return { shape, macs: 0 };
    }
    case 'Unsqueeze': {
      const s = x();
      const rank = s.length + (axesFrom(0)?.length ?? 0);
      const axes = (axesFrom(rank) ?? []).sort((a, b) => a - b);
      const shape = [...s];
      for (const a of axes) shape.splice(a, 0, 1);
      return { shape, macs: 0 };
    }
    case 'Squeeze': {
      const s = x();
      const axes = axesFrom(s.length) ?? s.flatMap((d, i) => (d === 1 ? [i] : []));
      return { shape: s.filter((_, i) => !axes.includes(i)), macs: 0 };
    }
    case 'Flatten': {
      const s = x();
      const axis = norm(attrInt('axis', 1), s.length);
      return { shape: [prod(s.slice(0, axis)), prod(s.slice(axis))], macs: 0 };
    }
    case 'Constant':
      return { shape: node.attrs.get('value')?.t?.dims ?? [], macs: 0 };
    default:
      if (SAME_SHAPE.has(node.op)) return { shape: x(), macs: 0 };
      if (BROADCAST.has(node.op)) return { shape: broadcast(node.inputs.filter((n) => n !== '').map((n) => shapeOf(n))), macs: 0 };
      if (REDUCE.has(node.op)) {
        const s = x();
        const keep = attrInt('keepdims', 1) === 1;
        const axes = axesFrom(s.length) ?? s.map((_, i) => i);
        return { shape: keep ? s.map((d, i) => (axes.includes(i) ? 1 : d)) : s.filter((_, i) => !axes.includes(i)), macs: 0 };
      }
      throw new Error(`the FLOP counter cannot follow shapes through ${node.op}`);
  }
}

/** Conv over any number of spatial dims: N x M x (C / group) x prod(kernel) x prod(output). */
function conv(node: OnnxNode, x: Shape, w: Shape): { shape: Shape; macs: number } {
  const spatial = x.length - 2;
  const group = node.attrs.get('group')?.i ?? 1;
  const kernel = node.attrs.get('kernel_shape')?.ints ?? w.slice(2);
  const strides = node.attrs.get('strides')?.ints ?? Array<number>(spatial).fill(1);
  const dilations = node.attrs.get('dilations')?.ints ?? Array<number>(spatial).fill(1);
  const pads = node.attrs.get('pads')?.ints ?? Array<number>(2 * spatial).fill(0);
  const autoPad = node.attrs.has('auto_pad');
  if (autoPad) throw new Error('the FLOP counter does not follow Conv auto_pad');
  const out = Array.from({ length: spatial }, (_, i) => {
    const k = (dilations[i]! * (kernel[i]! - 1)) + 1;
    return Math.floor((x[2 + i]! + pads[i]! + pads[i + spatial]! - k) / strides[i]!) + 1;
  });
  const [n, c] = [x[0]!, x[1]!];
  const m = w[0]!;
  return { shape: [n, m, ...out], macs: n * m * (c / group) * prod(kernel) * prod(out) };
}

function matmul(a: Shape, b: Shape): { shape: Shape; macs: number } {
  const a2 = a.length === 1 ? [1, a[0]!] : a;
  const b2 = b.length === 1 ? [b[0]!, 1] : b;
  const [m, k] = a2.slice(-2) as [number, number];
  const n = b2[b2.length - 1]!;
  const batch = broadcast([a2.slice(0, -2), b2.slice(0, -2)]);
  const shape = [...batch, ...(a.length === 1 ? [] : [m]), ...(b.length === 1 ? [] : [n])];
  return { shape, macs: prod(batch) * m * n * k };
}

function broadcast(shapes: Shape[]): Shape {
  const rank = Math.max(...shapes.map((s) => s.length));
  return Array.from({ length: rank }, (_, i) => Math.max(...shapes.map((s) => s[s.length - rank + i] ?? 1)));
}

const prod = (s: Shape) => s.reduce((n, d) => n * d, 1);
const norm = (axis: number, rank: number) => (axis < 0 ? axis + rank : axis);
