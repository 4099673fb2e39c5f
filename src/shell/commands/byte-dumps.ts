/**
 * Byte dumps: `hexdump` (and `-C`), `xxd` (and `-p`, `-c N`, `-r`), `od` (`-c`, `-x`, `-o`,
 * `-t x1`, `-An`). Text is dumped as its UTF-8 bytes. Models util-linux hexdump, vim's xxd and
 * coreutils od: repeated 16-byte lines become `*` in hexdump and od, never in xxd.
 */
import type { Command, CommandContext } from '../command.ts';
import { readInputs } from './read-inputs.ts';
import { utf8Bytes, utf8Text } from '../../lib/base64.ts';

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** `noneRead`: files were named and not one could be read. */
function inputBytes(ctx: CommandContext, name: string, files: string[]): { bytes: Uint8Array; status: number; noneRead: boolean } {
  const { texts, status } = readInputs(ctx, name, files);
  return { bytes: Uint8Array.from(utf8Bytes(texts.map((t) => t.text).join(''))), status, noneRead: files.length > 0 && texts.length === 0 };
}

/** Rows of `perRow` bytes; a row equal to the one before becomes `*` once (hexdump, od). */
function rows(bytes: Uint8Array, perRow: number, squeeze: boolean, format: (row: Uint8Array, offset: number) => string): string {
  let out = '';
  let previous: string | undefined;
  let starred = false;
  for (let offset = 0; offset < bytes.length; offset += perRow) {
    const row = bytes.subarray(offset, offset + perRow);
    const key = row.length === perRow ? row.join(',') : undefined;
    if (squeeze && key !== undefined && key === previous) {
      if (!starred) out += '*\n';
      starred = true;
      continue;
    }
    previous = key;
    starred = false;
    out += format(row, offset);
  }
  return out;
}

const printable = (b: number) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.');

export const hexdump: Command = {
  name: 'hexdump',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const canonical = args.includes('-C');
    const { bytes, status, noneRead } = inputBytes(
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
      ctx.stdout.write(
        rows(bytes, 16, true, (row, offset) => {
          const cells = [...row].map((b) => hex(b, 2));
          const left = `${cells.slice(0, 8).join(' ')}  ${cells.slice(8).join(' ')}`.padEnd(49);
          return `${hex(offset, 8)}  ${left} |${[...row].map(printable).join('')}|\n`;
        }),
      );
      if (bytes.length) ctx.stdout.write(`${hex(bytes.length, 8)}\n`);
    } else {
      ctx.stdout.write(rows(bytes, 16, true, (row, offset) => `${hex(offset, 7)} ${words(row, (w) => hex(w, 4)).padEnd(39)}\n`));
      if (bytes.length) ctx.stdout.write(`${hex(bytes.length, 7)}\n`);
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
    const { bytes, status: failed } = inputBytes(ctx, 'xxd', files);
    // vim's xxd exits 2 on a file it cannot open; busybox's applet 1.
    const status = failed && ctx.userland === 'gnu' ? 2 : failed;
    if (reverse) {
      const text = utf8Text([...bytes]);
      const digits = plain
        ? text.replace(/[^0-9a-fA-F]/g, '')
        : text
            .split('\n')
            .map((line: string) => (line.split(/:\s?/)[1] ?? '').split('  ')[0]!.replace(/[^0-9a-fA-F]/g, ''))
            .join('');
      const out = new Uint8Array(digits.length >> 1);
      for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16);
      ctx.stdout.write(utf8Text([...out]));
      return status;
    }
    if (plain) {
      const all = [...bytes].map((b) => hex(b, 2)).join('');
      if (all) ctx.stdout.write(`${all.match(/.{1,60}/g)!.join('\n')}\n`);
      return status;
    }
    const width = Math.ceil(perRow / 2) * 5 - 1;
    ctx.stdout.write(
      rows(bytes, perRow, false, (row, offset) => {
        const groups: string[] = [];
        for (let i = 0; i < row.length; i += 2) groups.push([...row.subarray(i, i + 2)].map((b) => hex(b, 2)).join(''));
        return `${hex(offset, 8)}: ${groups.join(' ').padEnd(width)}  ${[...row].map(printable).join('')}\n`;
      }),
    );
    return status;
  },
};

const OD_ESCAPES: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

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
    const { bytes, status, noneRead } = inputBytes(ctx, 'od', files);
    // coreutils od prints no offset at all when it read nothing.
    if (noneRead) return status;
    const offset = (n: number) => (noOffsets ? '' : n.toString(8).padStart(7, '0'));
    const cell = (row: Uint8Array): string => {
      if (kind === 'c') return [...row].map((b) => ` ${(OD_ESCAPES[b] ?? (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : b.toString(8).padStart(3, '0'))).padStart(3)}`).join('');
      if (kind === 'x1') return [...row].map((b) => ` ${hex(b, 2)}`).join('');
      return ` ${words(row, (w) => (kind === 'x' ? hex(w, 4) : w.toString(8).padStart(6, '0')))}`;
    };
    ctx.stdout.write(rows(bytes, 16, true, (row, at) => `${offset(at)}${cell(row)}\n`));
    if (!noOffsets) ctx.stdout.write(`${offset(bytes.length)}\n`);
    return status;
  },
};
