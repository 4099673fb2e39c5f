/**
 * Byte dumps: `hexdump` (and `-C`), `xxd` (and `-p`, `-c N`, `-r`), `od` (`-c`, `-x`, `-o`,
 * `-t x1`, `-An`). Text is dumped as its UTF-8 bytes. Models util-linux hexdump, vim's xxd and
 * coreutils od: repeated 16-byte lines become `*` in hexdump and od, never in xxd.
 */
import type { Command, CommandContext } from '../command.ts';
import { readInputs } from './read-inputs.ts';
import { charSlices } from './text-slices.ts';
import { utf8Bytes } from '../../lib/base64.ts';
import { revert } from './xxd-revert.ts';

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** `noneRead`: files were named and not one could be read. */
async function inputText(ctx: CommandContext, name: string, files: string[]): Promise<{ text: string; status: number; noneRead: boolean }> {
  const { texts, status } = await readInputs(ctx, name, files);
  return { text: texts.length === 1 ? texts[0]!.text : texts.map((t) => t.text).join(''), status, noneRead: files.length > 0 && texts.length === 0 };
}

/** The text's UTF-8 bytes a slice at a time (a slice never ends inside a surrogate pair, so inside a character). */
async function* byteSlices(ctx: CommandContext, text: string): AsyncGenerator<Uint8Array> {
  for await (const slice of charSlices(ctx, text)) yield Uint8Array.from(utf8Bytes(slice));
}

/**
 * Rows of `perRow` bytes, fed a slice at a time; a row equal to the one before becomes `*` once
 * (hexdump, od). A row cut by the end of a slice waits for the next.
 */
class Rows {
  #carry = new Uint8Array(0);
  #offset = 0;
  #previous: Uint8Array | undefined;
  #starred = false;

  constructor(
    readonly perRow: number,
    readonly squeeze: boolean,
    readonly format: (row: Uint8Array, offset: number) => string,
  ) {}

  /** Bytes read so far. */
  get length(): number {
    return this.#offset + this.#carry.length;
  }

  /** The rows `slice` completes (with `end`, the last short one too). */
  feed(slice: Uint8Array, end = false): string {
    const bytes = this.#carry.length ? concat(this.#carry, slice) : slice;
    const whole = end ? bytes.length : bytes.length - (bytes.length % this.perRow);
    const out: string[] = [];
    for (let at = 0; at < whole; at += this.perRow) {
      const row = bytes.subarray(at, Math.min(at + this.perRow, whole));
      const key = row.length === this.perRow ? row : undefined;
      if (this.squeeze && key !== undefined && this.#previous !== undefined && sameBytes(key, this.#previous)) {
        if (!this.#starred) out.push('*\n');
        this.#starred = true;
        continue;
      }
      this.#previous = key;
      this.#starred = false;
      out.push(this.format(row, this.#offset + at));
    }
    this.#offset += whole;
    this.#carry = bytes.slice(whole);
    return out.join('');
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return a.length === b.length;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const both = new Uint8Array(a.length + b.length);
  both.set(a);
  both.set(b, a.length);
  return both;
}

/** Dumps the text's bytes through `rows`, a slice at a time; resolves with how many there were. */
async function dumpRows(ctx: CommandContext, text: string, rows: Rows): Promise<number> {
  for await (const slice of byteSlices(ctx, text)) {
    const out = rows.feed(slice);
    if (out) ctx.stdout.write(out);
  }
  const out = rows.feed(new Uint8Array(0), true);
  if (out) ctx.stdout.write(out);
  return rows.length;
}

/** Each byte as two hex digits, and as the character a dump shows for it. */
const HEX2 = Array.from({ length: 256 }, (_, b) => hex(b, 2));
const SHOWN = Array.from({ length: 256 }, (_, b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.'));

/** Each byte of the row through `cell`, joined by `separator`. */
function mapBytes(row: Uint8Array, cell: readonly string[], separator = ''): string {
  let out = '';
  for (let i = 0; i < row.length; i++) out += i ? separator + cell[row[i]!]! : cell[row[i]!]!;
  return out;
}

export const hexdump: Command = {
  name: 'hexdump',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const canonical = args.includes('-C');
    const { text, status, noneRead } = await inputText(
      ctx,
      'hexdump',
      args.filter((a) => !a.startsWith('-')),
    );
    // util-linux hexdump says so when every file failed; busybox's does not.
    if (noneRead && ctx.userland === 'gnu') {
      ctx.stderr.write('hexdump: all input file arguments failed\n');
      return 1;
    }
    if (canonical) {
      const length = await dumpRows(
        ctx,
        text,
        new Rows(16, true, (row, offset) => {
          const left = `${mapBytes(row.subarray(0, 8), HEX2, ' ')}  ${mapBytes(row.subarray(8), HEX2, ' ')}`.padEnd(49);
          return `${hex(offset, 8)}  ${left} |${mapBytes(row, SHOWN)}|\n`;
        }),
      );
      if (length) ctx.stdout.write(`${hex(length, 8)}\n`);
    } else {
      const length = await dumpRows(ctx, text, new Rows(16, true, (row, offset) => `${hex(offset, 7)} ${words(row, (w) => hex(w, 4)).padEnd(39)}\n`));
      if (length) ctx.stdout.write(`${hex(length, 7)}\n`);
    }
    return status;
  },
};

/** Little-endian 16-bit words, the last one padded with a zero byte. */
function words(row: Uint8Array, format: (word: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < row.length; i += 2) out.push(format(row[i]! | ((row[i + 1] ?? 0) << 8)));
  return out.join(' ');
}

export const xxd: Command = {
  name: 'xxd',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let perRow = 16;
    let plain = false;
    let reverse = false;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-p' || a === '-ps' || a === '-plain') plain = true;
      else if (a === '-r' || a === '-revert') reverse = true;
      else if (a === '-rp' || a === '-pr') reverse = plain = true;
      else if (a === '-c' || a === '-cols') perRow = Number(args[++i]);
      else files.push(a);
    }
    const { text, status: failed } = await inputText(ctx, 'xxd', files);
    // vim's xxd exits 2 on a file it cannot open; busybox's applet 1.
    const status = failed && ctx.userland === 'gnu' ? 2 : failed;
    if (reverse) {
      for (const piece of await revert(ctx, text, plain)) ctx.stdout.write(piece);
      return status;
    }
    if (plain) {
      // 30 bytes, 60 hex digits, a line.
      await dumpRows(ctx, text, new Rows(30, false, (row) => `${mapBytes(row, HEX2)}\n`));
      return status;
    }
    const width = Math.ceil(perRow / 2) * 5 - 1;
    await dumpRows(
      ctx,
      text,
      new Rows(perRow, false, (row, offset) => {
        const groups: string[] = [];
        for (let i = 0; i < row.length; i += 2) groups.push(mapBytes(row.subarray(i, i + 2), HEX2));
        return `${hex(offset, 8)}: ${groups.join(' ').padEnd(width)}  ${mapBytes(row, SHOWN)}\n`;
      }),
    );
    return status;
  },
};

const OD_ESCAPES: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

/** `od -c` and `od -t x1` cells, each with the space before it. */
const OD_CHARS = Array.from({ length: 256 }, (_, b) => ` ${(OD_ESCAPES[b] ?? (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : b.toString(8).padStart(3, '0'))).padStart(3)}`);
const OD_HEX = HEX2.map((cell) => ` ${cell}`);

export const od: Command = {
  name: 'od',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let noOffsets = false;
    let kind: 'c' | 'x' | 'o' | 'x1' = 'o';
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-An' || (a === '-A' && args[i + 1] === 'n')) {
        noOffsets = true;
        if (a === '-A') i++;
      } else if (a === '-c') kind = 'c';
      else if (a === '-x') kind = 'x';
      else if (a === '-o') kind = 'o';
      else if (a === '-tx1' || (a === '-t' && args[i + 1] === 'x1')) {
        kind = 'x1';
        if (a === '-t') i++;
      } else files.push(a);
    }
    const { text, status, noneRead } = await inputText(ctx, 'od', files);
    // coreutils od prints no offset at all when it read nothing.
    if (noneRead) return status;
    const offset = (n: number) => (noOffsets ? '' : n.toString(8).padStart(7, '0'));
    const cell = (row: Uint8Array): string => {
      if (kind === 'c') return mapBytes(row, OD_CHARS);
      if (kind === 'x1') return mapBytes(row, OD_HEX);
      return ` ${words(row, (w) => (kind === 'x' ? hex(w, 4) : w.toString(8).padStart(6, '0')))}`;
    };
    const length = await dumpRows(ctx, text, new Rows(16, true, (row, at) => `${offset(at)}${cell(row)}\n`));
    if (!noOffsets) ctx.stdout.write(`${offset(length)}\n`);
    return status;
  },
};
