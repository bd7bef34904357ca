/** A minimal protobuf wire-format reader: just enough to walk an ONNX ModelProto's top level. */

export const WIRE_VARINT = 0;
export const WIRE_I64 = 1;
export const WIRE_LEN = 2;
export const WIRE_I32 = 5;

/** Thrown for bytes that are not valid protobuf; callers turn it into a user-facing error. */
export class ProtobufError extends Error {}

/** A field header: field number and wire type. */
export interface FieldKey {
  field: number;
  wire: number;
}

/** Splits a raw key varint into field number and wire type, refusing ones protobuf forbids. */
export function splitKey(key: number): FieldKey {
  const field = Math.floor(key / 8);
  const wire = key % 8;
  if (field < 1 || field > 0x1fffffff) throw new ProtobufError(`invalid field number ${field}`);
  if (wire !== WIRE_VARINT && wire !== WIRE_I64 && wire !== WIRE_LEN && wire !== WIRE_I32) {
    throw new ProtobufError(`unsupported wire type ${wire}`);
  }
  return { field, wire };
}

/** Decodes a varint at `pos` in `buf`; returns the value (exact up to 2^53) and the bytes used. */
export function decodeVarint(buf: Uint8Array, pos: number): { value: number; length: number } {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    const b = buf[pos + i];
    if (b === undefined) throw new ProtobufError('truncated varint');
    value += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) return { value, length: i + 1 };
    scale *= 128;
  }
  throw new ProtobufError('varint longer than 10 bytes');
}

/** Reads the fields of a small, fully loaded message (an embedded message's bytes). */
export class BufferReader {
  private pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  varint(): number {
    const { value, length } = decodeVarint(this.buf, this.pos);
    this.pos += length;
    return value;
  }

  key(): FieldKey {
    return splitKey(this.varint());
  }

  bytes(): Uint8Array {
    const n = this.varint();
    if (this.pos + n > this.buf.length)
      throw new ProtobufError('length runs past the end of the message');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  string(): string {
    return decodeUtf8(this.bytes());
  }

  /** The whole message read as one UTF-8 string (for a field already cut out of its parent). */
  stringBody(): string {
    this.pos = this.buf.length;
    return decodeUtf8(this.buf);
  }

  /** Skips a field's value of the given wire type. */
  skip(wire: number): void {
    if (wire === WIRE_VARINT) this.varint();
    else if (wire === WIRE_LEN) this.bytes();
    else this.advance(wire === WIRE_I64 ? 8 : 4);
  }

  private advance(n: number): void {
    if (this.pos + n > this.buf.length)
      throw new ProtobufError('fixed-width field runs past the end');
    this.pos += n;
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ProtobufError('a string field is not valid UTF-8');
  }
}
