/**
 * The protobuf wire format, for the few field kinds gnostic's openapi_v2 messages use: strings,
 * booleans, doubles and nested messages. Nested messages stay as writers until `toBytes`, so a
 * document is copied once, not once per nesting level.
 */
const EMPTY = new Uint8Array(0);

class ByteBuffer {
  bytes = EMPTY;
  length = 0;

  reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let size = Math.max(32, this.bytes.length * 2);
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  byte(b: number): void {
    this.reserve(1);
    this.bytes[this.length++] = b;
  }

  varint(value: number): void {
    let v = value;
    while (v > 0x7f) {
      this.byte((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.byte(v);
  }

  /** UTF-8, as Go's strings are on the wire. */
  utf8(text: string): void {
    this.reserve(text.length * 3);
    const out = this.bytes;
    let at = this.length;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        out[at++] = c;
        continue;
      }
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
      if (c < 0x800) {
        out[at++] = 0xc0 | (c >> 6);
      } else if (c < 0x10000) {
        out[at++] = 0xe0 | (c >> 12);
        out[at++] = 0x80 | ((c >> 6) & 0x3f);
      } else {
        out[at++] = 0xf0 | (c >> 18);
        out[at++] = 0x80 | ((c >> 12) & 0x3f);
        out[at++] = 0x80 | ((c >> 6) & 0x3f);
      }
      out[at++] = 0x80 | (c & 0x3f);
    }
    this.length = at;
  }
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export class MessageWriter {
  readonly #parts: (Uint8Array | MessageWriter)[] = [];
  #current = new ByteBuffer();
  #flushedSize = 0;

  get size(): number {
    return this.#flushedSize + this.#current.length;
  }

  /** proto3 leaves empty strings out. */
  string(field: number, value: string | undefined): this {
    if (!value) return this;
    this.#current.varint((field << 3) | 2);
    this.#current.varint(utf8Length(value));
    this.#current.utf8(value);
    return this;
  }

  strings(field: number, values: readonly string[] | undefined): this {
    for (const v of values ?? []) this.string(field, v);
    return this;
  }

  bool(field: number, value: boolean | undefined): this {
    if (value) {
      this.#current.varint(field << 3);
      this.#current.byte(1);
    }
    return this;
  }

  double(field: number, value: number | undefined): this {
    if (value === undefined || value === 0) return this;
    this.#current.varint((field << 3) | 1);
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, value, true);
    for (let i = 0; i < 8; i++) this.#current.byte(view.getUint8(i));
    return this;
  }

  /** A nested message, written even when empty (it is present); `message` must be complete. */
  message(field: number, message: MessageWriter | undefined): this {
    if (!message) return this;
    this.#current.varint((field << 3) | 2);
    this.#current.varint(message.size);
    this.#flushedSize += this.#current.length + message.size;
    this.#parts.push(this.#current.bytes.subarray(0, this.#current.length), message);
    this.#current = new ByteBuffer();
    return this;
  }

  toBytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    const walk = (w: MessageWriter): void => {
      for (const part of [...w.#parts, w.#current.bytes.subarray(0, w.#current.length)]) {
        if (part instanceof MessageWriter) walk(part);
        else {
          out.set(part, at);
          at += part.length;
        }
      }
    };
    walk(this);
    return out;
  }
}
