import fs from 'node:fs';
import type { FieldKey } from './protobuf.js';
import {
  BufferReader,
  ProtobufError,
  WIRE_I64,
  WIRE_LEN,
  WIRE_VARINT,
  decodeVarint,
  splitKey,
} from './protobuf.js';

/** What Seimon reads from an ONNX file without loading it: version info and metadata_props. */
export interface OnnxHeader {
  irVersion: number | null;
  opsets: { domain: string; version: number }[];
  producerName: string | null;
  metadata: Record<string, string>;
  hasGraph: boolean;
}

// ModelProto field numbers (onnx.proto3).
const F_IR_VERSION = 1;
const F_PRODUCER_NAME = 2;
const F_GRAPH = 7;
const F_OPSET_IMPORT = 8;
const F_METADATA_PROPS = 14;

/** Bounds so a hostile file cannot make the reader allocate or loop without limit. */
const MAX_SMALL_FIELD_BYTES = 1 << 20;
const MAX_METADATA_ENTRIES = 1024;
const MAX_TOP_LEVEL_FIELDS = 100_000;

/**
 * Walks the top level of an ONNX ModelProto, reading only small fields (metadata_props, opset_import,
 * ir_version, producer) and skipping the graph and weights by their length prefix.
 * Throws ProtobufError when the bytes are not a well-formed ModelProto with a graph.
 */
export function readOnnxHeader(file: string): OnnxHeader {
  const fd = fs.openSync(file, 'r');
  try {
    return walk(new FileCursor(fd, fs.fstatSync(fd).size));
  } finally {
    fs.closeSync(fd);
  }
}

function walk(cur: FileCursor): OnnxHeader {
  const header: OnnxHeader = {
    irVersion: null,
    opsets: [],
    producerName: null,
    metadata: {},
    hasGraph: false,
  };
  let fields = 0;
  let entries = 0;
  while (!cur.done) {
    if (++fields > MAX_TOP_LEVEL_FIELDS) throw new ProtobufError('too many top-level fields');
    const key = splitKey(cur.varint());
    if (key.field === F_IR_VERSION && key.wire === WIRE_VARINT) header.irVersion = cur.varint();
    else if (key.wire !== WIRE_LEN) cur.skip(key);
    else if (key.field === F_GRAPH) {
      cur.skipBytes(cur.varint());
      header.hasGraph = true;
    } else if (key.field === F_METADATA_PROPS) {
      if (++entries > MAX_METADATA_ENTRIES) throw new ProtobufError('too many metadata entries');
      const [k, v] = readStringPair(cur.smallField());
      if (k !== '') header.metadata[k] = v;
    } else if (key.field === F_OPSET_IMPORT) header.opsets.push(readOpset(cur.smallField()));
    else if (key.field === F_PRODUCER_NAME)
      header.producerName = new BufferReader(cur.smallField()).stringBody();
    else cur.skipBytes(cur.varint());
  }
  if (header.irVersion === null || !header.hasGraph)
    throw new ProtobufError('no ir_version or graph');
  return header;
}

/** StringStringEntryProto: key = 1, value = 2. */
function readStringPair(bytes: Uint8Array): [string, string] {
  const r = new BufferReader(bytes);
  let k = '';
  let v = '';
  while (!r.done) {
    const { field, wire } = r.key();
    if (field === 1 && wire === WIRE_LEN) k = r.string();
    else if (field === 2 && wire === WIRE_LEN) v = r.string();
    else r.skip(wire);
  }
  return [k, v];
}

/** OperatorSetIdProto: domain = 1, version = 2. */
function readOpset(bytes: Uint8Array): { domain: string; version: number } {
  const r = new BufferReader(bytes);
  let domain = '';
  let version = 0;
  while (!r.done) {
    const { field, wire } = r.key();
    if (field === 1 && wire === WIRE_LEN) domain = r.string();
    else if (field === 2 && wire === WIRE_VARINT) version = r.varint();
    else r.skip(wire);
  }
  return { domain, version };
}

/** Random-access reads from an open file, a few bytes at a time. */
class FileCursor {
  private pos = 0;
  constructor(
    private readonly fd: number,
    private readonly size: number,
  ) {}

  get done(): boolean {
    return this.pos >= this.size;
  }

  varint(): number {
    const buf = this.read(Math.min(10, this.size - this.pos));
    const { value, length } = decodeVarint(buf, 0);
    this.pos += length;
    return value;
  }

  skip(key: FieldKey): void {
    if (key.wire === WIRE_VARINT) this.varint();
    else this.skipBytes(key.wire === WIRE_I64 ? 8 : 4);
  }

  skipBytes(n: number): void {
    if (this.pos + n > this.size) throw new ProtobufError('field runs past the end of the file');
    this.pos += n;
  }

  /** Reads a length-delimited field's bytes, refusing ones over the small-field bound. */
  smallField(): Uint8Array {
    const n = this.varint();
    if (this.pos + n > this.size) throw new ProtobufError('field runs past the end of the file');
    if (n > MAX_SMALL_FIELD_BYTES)
      throw new ProtobufError(`a ${n}-byte metadata field is too large`);
    const bytes = this.read(n);
    this.pos += n;
    return bytes;
  }

  private read(n: number): Uint8Array {
    const buf = Buffer.alloc(n);
    const got = fs.readSync(this.fd, buf, 0, n, this.pos);
    return buf.subarray(0, got);
  }
}
