/**
 * The ustar archive format as a text stream: what `tar cf -` writes and `tar xf -` reads, and what
 * `kubectl cp` streams over exec. Streams in this project are strings, so a member's content is
 * kept as text and its size counted in UTF-8 bytes, the length a byte stream would carry.
 */

export interface TarEntry {
  /** Member name as stored (`tmp/f`, `etc/nginx/`). */
  name: string;
  kind: 'file' | 'directory';
  /** Permission bits, e.g. 0o644. */
  mode: number;
  mtimeSeconds: number;
  content: string;
}

export type TarReadResult = { ok: true; entries: TarEntry[] } | { ok: false; reason: 'not-tar' | 'truncated'; entries: TarEntry[] };

const BLOCK = 512;
function utf8Width(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) bytes += utf8Width(ch.codePointAt(0)!);
  return bytes;
}

/** The bytes of `text` in UTF-8, one at a time. */
function* utf8Bytes(text: string): Generator<number> {
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const width = utf8Width(code);
    if (width === 1) {
      yield code;
      continue;
    }
    const lead = [0, 0, 0xc0, 0xe0, 0xf0][width]!;
    yield lead | (code >> (6 * (width - 1)));
    for (let i = width - 2; i >= 0; i--) yield 0x80 | ((code >> (6 * i)) & 0x3f);
  }
}

function field(value: string, width: number): string {
  return value.slice(0, width).padEnd(width, '\0');
}

/** A number as Go's archive/tar and GNU tar write it: zero-padded octal, then a NUL. */
function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(entry: TarEntry): string {
  const size = entry.kind === 'file' ? utf8Length(entry.content) : 0;
  const before = field(entry.name, 100) + octal(entry.mode & 0o7777, 8) + octal(0, 8) + octal(0, 8) + octal(size, 12) + octal(entry.mtimeSeconds, 12);
  const after =
    (entry.kind === 'directory' ? '5' : '0') +
    field('', 100) +
    'ustar\u000000' +
    field('root', 32) +
    field('root', 32) +
    field('', 8) +
    field('', 8) +
    field('', 155) +
    field('', 12);
  const sum = checksum(before + ' '.repeat(8) + after);
  return `${before}${sum.toString(8).padStart(6, '0')}\0 ${after}`;
}

function checksum(block: string): number {
  let sum = 0;
  for (const byte of utf8Bytes(block)) sum += byte;
  return sum;
}

function padding(size: number): string {
  return '\0'.repeat((BLOCK - (size % BLOCK)) % BLOCK);
}

/** The archive: each member's header and content, then the two zero blocks that end it. */
export function writeTar(entries: readonly TarEntry[]): string {
  let out = '';
  for (const entry of entries) {
    out += header(entry);
    if (entry.kind === 'file') out += entry.content + padding(utf8Length(entry.content));
  }
  return out + '\0'.repeat(BLOCK * 2);
}

function cString(text: string): string {
  const end = text.indexOf('\0');
  return end < 0 ? text : text.slice(0, end);
}

function parseOctal(text: string): number {
  const digits = cString(text).trim();
  return /^[0-7]+$/.test(digits) ? parseInt(digits, 8) : NaN;
}

/** Takes `bytes` UTF-8 bytes' worth of characters from `text` at `start`; returns the end index. */
function advanceBytes(text: string, start: number, bytes: number): number {
  let i = start;
  let counted = 0;
  while (counted < bytes && i < text.length) {
    const code = text.codePointAt(i)!;
    counted += utf8Width(code);
    i += code >= 0x10000 ? 2 : 1;
  }
  return counted < bytes ? -1 : i;
}

export function readTar(archive: string): TarReadResult {
  const entries: TarEntry[] = [];
  let at = 0;
  while (at < archive.length) {
    const block = archive.slice(at, at + BLOCK);
    if (block.length < BLOCK) return { ok: false, reason: entries.length ? 'truncated' : 'not-tar', entries };
    if (/^\0*$/.test(block)) return { ok: true, entries };
    const stored = parseOctal(block.slice(148, 156));
    const computed = checksum(block.slice(0, 148) + ' '.repeat(8) + block.slice(156));
    if (stored !== computed) return { ok: false, reason: 'not-tar', entries };
    const name = cString(block.slice(0, 100));
    const prefix = block.slice(257, 262) === 'ustar' ? cString(block.slice(345, 500)) : '';
    const size = parseOctal(block.slice(124, 136));
    const type = block[156];
    const kind = type === '5' || (name.endsWith('/') && size === 0) ? 'directory' : 'file';
    const start = at + BLOCK;
    const end = kind === 'file' ? advanceBytes(archive, start, size) : start;
    if (end < 0) return { ok: false, reason: 'truncated', entries };
    const content = archive.slice(start, end);
    entries.push({ name: prefix ? `${prefix}/${name}` : name, kind, mode: parseOctal(block.slice(100, 108)), mtimeSeconds: parseOctal(block.slice(136, 148)), content });
    at = end + padding(size).length;
  }
  // An archive cut off before its end-of-archive blocks: both tars accept it.
  return { ok: true, entries };
}
