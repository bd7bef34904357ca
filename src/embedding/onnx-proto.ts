/**
 * Protobuf wire format for reading and re-writing ONNX graphs: fields of one message with their raw
 * bytes (so a rewrite can copy what it does not touch byte for byte), signed 64-bit varints (negative
 * axes are common in ONNX), and the encoders to write fields back.
 */
import { ProtobufError, WIRE_I32, WIRE_I64, WIRE_LEN, WIRE_VARINT, splitKey } from '../models/protobuf.js';

export { ProtobufError, WIRE_I32, WIRE_I64, WIRE_LEN, WIRE_VARINT };

/** One field of a message: its number and wire type, its whole encoding, and its value. */
export interface ProtoField {
  field: number;
  wire: number;
  /** Key and value, exactly as they appear in the message. */
  raw: Uint8Array;
  /** The payload of a length-delimited field. */
  body: Uint8Array;
  /** The value of a varint field, as a signed 64-bit integer. */
  int: number;
  /** The value of a 32-bit field read as a float. */
  float: number;
}

/** Splits a message into its fields, in order. Throws ProtobufError on malformed bytes. */
export function protoFields(buf: Uint8Array): ProtoField[] {
  const out: ProtoField[] = [];
  let pos = 0;
  const varint = (): bigint => {
    let v = 0n;
    for (let i = 0; i < 10; i++) {
      const b = buf[pos++];
      if (b === undefined) throw new ProtobufError('truncated varint');
      v |= BigInt(b & 0x7f) << BigInt(7 * i);
      if ((b & 0x80) === 0) return v;
    }
    throw new ProtobufError('varint longer than 10 bytes');
  };
  const need = (n: number) => {
    if (n < 0 || pos + n > buf.length) throw new ProtobufError('field runs past the end of the message');
  };
  while (pos < buf.length) {
    const start = pos;
    const { field, wire } = splitKey(Number(varint()));
    let body: Uint8Array = EMPTY;
    let int = 0;
    let float = 0;
    if (wire === WIRE_VARINT) int = Number(BigInt.asIntN(64, varint()));
    else if (wire === WIRE_LEN) {
      const n = Number(varint());
      need(n);
      body = buf.subarray(pos, pos + n);
      pos += n;
    } else {
      const n = wire === WIRE_I64 ? 8 : 4;
      need(n);
      if (n === 4) float = new DataView(buf.buffer, buf.byteOffset + pos, 4).getFloat32(0, true);
      pos += n;
    }
    out.push({ field, wire, raw: buf.subarray(start, pos), body, int, float });
  }
  return out;
}

/** The values of a repeated int64 field, packed or not, across all its occurrences. */
export function repeatedInts(fields: ProtoField[], field: number): number[] {
  const out: number[] = [];
  for (const f of fields) {
    if (f.field !== field) continue;
    if (f.wire === WIRE_VARINT) out.push(f.int);
    else if (f.wire === WIRE_LEN) out.push(...protoFieldsPacked(f.body));
    else throw new ProtobufError(`repeated int64 with wire type ${f.wire}`);
  }
  return out;
}

function protoFieldsPacked(body: Uint8Array): number[] {
  const out: number[] = [];
  let pos = 0;
  while (pos < body.length) {
    let v = 0n;
    for (let i = 0; ; i++) {
      const b = body[pos++];
      if (b === undefined || i >= 10) throw new ProtobufError('bad packed varint');
      v |= BigInt(b & 0x7f) << BigInt(7 * i);
      if ((b & 0x80) === 0) break;
    }
    out.push(Number(BigInt.asIntN(64, v)));
  }
  return out;
}

export function utf8(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

const EMPTY: Uint8Array = new Uint8Array(0);

export function encodeText(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

export function encodeVarint(v: number): Uint8Array {
  let x = BigInt.asUintN(64, BigInt(v));
  const out: number[] = [];
  do {
    const b = Number(x & 0x7fn);
    x >>= 7n;
    out.push(x > 0n ? b | 0x80 : b);
  } while (x > 0n);
  return Uint8Array.from(out);
}

export function encodeKey(field: number, wire: number): Uint8Array {
  return encodeVarint(field * 8 + wire);
}

export function varintField(field: number, v: number): Uint8Array {
  return concatBytes([encodeKey(field, WIRE_VARINT), encodeVarint(v)]);
}

export function lenField(field: number, body: Uint8Array): Uint8Array {
  return concatBytes([encodeKey(field, WIRE_LEN), encodeVarint(body.length), body]);
}

export function float32Field(field: number, v: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setFloat32(0, v, true);
  return concatBytes([encodeKey(field, WIRE_I32), b]);
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
