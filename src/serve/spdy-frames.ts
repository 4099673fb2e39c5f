/**
 * SPDY/3.1 framing, the server's half, as kubectl's port-forward speaks it through a WebSocket
 * tunnel (subprotocol `SPDY/3.1+portforward.k8s.io`). Per the SPDY draft 3.1:
 *
 *   control frame := 1 | version:15 | type:16 | flags:8 | length:24 | data
 *   data frame    := 0 | stream-id:31 | flags:8 | length:24 | data
 *
 * Header blocks (SYN_STREAM, SYN_REPLY, HEADERS) are one zlib stream per direction, primed with
 * the spec's dictionary and flushed at each block.
 */
import { constants, createDeflate, createInflate, type Deflate, type Inflate } from 'node:zlib';

export const FRAME = { synStream: 1, synReply: 2, rstStream: 3, settings: 4, ping: 6, goAway: 7, headers: 8, windowUpdate: 9 } as const;
export const FLAG_FIN = 0x01;

export type Frame = { control: true; type: number; flags: number; data: Buffer } | { control: false; streamId: number; flags: number; data: Buffer };

/** Splits a byte stream into frames; keeps a partial frame for the next chunk. */
export class FrameReader {
  #pending = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    this.#pending = Buffer.concat([this.#pending, chunk]);
    const frames: Frame[] = [];
    while (this.#pending.length >= 8) {
      const length = this.#pending.readUIntBE(5, 3);
      if (this.#pending.length < 8 + length) break;
      const first = this.#pending.readUInt32BE(0);
      const flags = this.#pending[4]!;
      const data = this.#pending.subarray(8, 8 + length);
      if (first & 0x80000000) frames.push({ control: true, type: first & 0xffff, flags, data });
      else frames.push({ control: false, streamId: first & 0x7fffffff, flags, data });
      this.#pending = this.#pending.subarray(8 + length);
    }
    return frames;
  }
}

export function controlFrame(type: number, flags: number, data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE((0x8000 | 3) * 0x10000 + type, 0);
  header[4] = flags;
  header.writeUIntBE(data.length, 5, 3);
  return Buffer.concat([header, data]);
}

export function dataFrame(streamId: number, flags: number, data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(streamId & 0x7fffffff, 0);
  header[4] = flags;
  header.writeUIntBE(data.length, 5, 3);
  return Buffer.concat([header, data]);
}

export function uint32s(...values: number[]): Buffer {
  const buffer = Buffer.alloc(values.length * 4);
  values.forEach((value, i) => buffer.writeUInt32BE(value >>> 0, i * 4));
  return buffer;
}

// prettier-ignore
const DICTIONARY_WORDS = [
  'options', 'head', 'post', 'put', 'delete', 'trace', 'accept', 'accept-charset', 'accept-encoding', 'accept-language', 'accept-ranges', 'age', 'allow',
  'authorization', 'cache-control', 'connection', 'content-base', 'content-encoding', 'content-language', 'content-length', 'content-location', 'content-md5',
  'content-range', 'content-type', 'date', 'etag', 'expect', 'expires', 'from', 'host', 'if-match', 'if-modified-since', 'if-none-match', 'if-range',
  'if-unmodified-since', 'last-modified', 'location', 'max-forwards', 'pragma', 'proxy-authenticate', 'proxy-authorization', 'range', 'referer', 'retry-after',
  'server', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'user-agent', 'vary', 'via', 'warning', 'www-authenticate', 'method', 'get', 'status', '200 OK',
  'version', 'HTTP/1.1', 'url', 'public', 'set-cookie', 'keep-alive', 'origin',
];

const DICTIONARY_TAIL =
  '100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505' +
  '203 Non-Authoritative Information204 No Content301 Moved Permanently400 Bad Request401 Unauthorized403 Forbidden404 Not Found' +
  '500 Internal Server Error501 Not Implemented503 Service UnavailableJan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 ' +
  'Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMTchunked,text/html,image/png,image/jpg,image/gif,application/xml,application/xhtml+xml,' +
  'text/plain,text/javascript,publicprivatemax-age=gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.';

/** The SPDY/3 header compression dictionary: each word with its 32-bit length, then the tail. */
export const HEADER_DICTIONARY = Buffer.concat([
  ...DICTIONARY_WORDS.map((word) => Buffer.concat([uint32s(word.length), Buffer.from(word, 'latin1')])),
  Buffer.from(DICTIONARY_TAIL, 'latin1'),
]);

/** One direction's header compression: a zlib stream that lives as long as the connection. */
export class HeaderCodec {
  readonly #inflate: Inflate = createInflate({ dictionary: HEADER_DICTIONARY });
  readonly #deflate: Deflate = createDeflate({ dictionary: HEADER_DICTIONARY, level: 9 });

  async decode(block: Buffer): Promise<Map<string, string>> {
    const raw = await pump(this.#inflate, block);
    const headers = new Map<string, string>();
    let at = 4;
    const count = raw.readUInt32BE(0);
    for (let i = 0; i < count; i++) {
      const nameLength = raw.readUInt32BE(at);
      const name = raw.subarray(at + 4, at + 4 + nameLength).toString('utf8');
      at += 4 + nameLength;
      const valueLength = raw.readUInt32BE(at);
      headers.set(name, raw.subarray(at + 4, at + 4 + valueLength).toString('utf8'));
      at += 4 + valueLength;
    }
    return headers;
  }

  encode(headers: Record<string, string>): Promise<Buffer> {
    const parts = [uint32s(Object.keys(headers).length)];
    for (const [name, value] of Object.entries(headers)) {
      const n = Buffer.from(name, 'utf8');
      const v = Buffer.from(value, 'utf8');
      parts.push(uint32s(n.length), n, uint32s(v.length), v);
    }
    return pump(this.#deflate, Buffer.concat(parts));
  }

  close(): void {
    this.#inflate.close();
    this.#deflate.close();
  }
}

/** Writes `input` and collects what the stream gives back up to a sync flush. */
function pump(stream: Inflate | Deflate, input: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => chunks.push(chunk);
    const onError = (error: Error) => {
      stream.off('data', onData);
      reject(error);
    };
    stream.on('data', onData);
    stream.once('error', onError);
    stream.write(input);
    stream.flush(constants.Z_SYNC_FLUSH, () => {
      stream.off('data', onData);
      stream.off('error', onError);
      resolve(Buffer.concat(chunks));
    });
  });
}
