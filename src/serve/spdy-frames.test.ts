import { describe, expect, it } from 'vitest';
import { controlFrame, dataFrame, FLAG_FIN, FRAME, FrameReader, HEADER_DICTIONARY, HeaderCodec, uint32s } from './spdy-frames.ts';
import { parseHttpRequest } from './port-forward-session.ts';

describe('SPDY/3.1 frames', () => {
  it('builds the spec dictionary of 1423 bytes, starting with the length-prefixed "options"', () => {
    expect(HEADER_DICTIONARY.length).toBe(1423);
    expect([...HEADER_DICTIONARY.subarray(0, 11)]).toEqual([0, 0, 0, 7, ...Buffer.from('options')]);
    expect(HEADER_DICTIONARY.subarray(-6).toString('latin1')).toBe('enq=0.');
  });

  it('keeps header compression state across blocks, as one zlib stream per direction', async () => {
    const client = new HeaderCodec();
    const server = new HeaderCodec();
    for (const requestid of ['0', '1', '2']) {
      const headers = { streamtype: 'error', port: '80', requestid };
      expect(Object.fromEntries(await server.decode(await client.encode(headers)))).toEqual(headers);
    }
  });

  it('splits a byte stream into control and data frames, whatever the chunking', () => {
    const bytes = Buffer.concat([controlFrame(FRAME.ping, 0, uint32s(1)), dataFrame(3, FLAG_FIN, Buffer.from('GET / HTTP/1.1\r\n\r\n'))]);
    const reader = new FrameReader();
    const frames = [...reader.push(bytes.subarray(0, 5)), ...reader.push(bytes.subarray(5, 20)), ...reader.push(bytes.subarray(20))];
    expect(frames).toEqual([
      { control: true, type: FRAME.ping, flags: 0, data: uint32s(1) },
      { control: false, streamId: 3, flags: FLAG_FIN, data: Buffer.from('GET / HTTP/1.1\r\n\r\n') },
    ]);
  });

  it('waits for a whole HTTP request: the head, then Content-Length bytes of body', () => {
    expect(parseHttpRequest(Buffer.from('GET / HTTP/1.1\r\nHost: x'))).toBeUndefined();
    expect(parseHttpRequest(Buffer.from('POST /a?b=1 HTTP/1.1\r\nContent-Length: 4\r\n\r\nab'))).toBeUndefined();
    expect(parseHttpRequest(Buffer.from('POST /a?b=1 HTTP/1.1\r\nHost: localhost:8080\r\nContent-Length: 4\r\n\r\nabcd'))).toEqual({
      method: 'POST',
      path: '/a?b=1',
      headers: { host: 'localhost:8080', 'content-length': '4' },
      body: 'abcd',
    });
  });
});
