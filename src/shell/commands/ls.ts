/**
 * GNU ls, and busybox's when the userland is busybox: names (one per line when standard output is
 * not a terminal, in columns to the terminal's width otherwise), `-l`, `-a`, `-d`, `-1`.
 */
import type { Command } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { lsMissing } from './userland.ts';
import type { FileStat } from '../../lib/file-system.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function modeString(stat: FileStat): string {
  const bits = ['r', 'w', 'x'];
  const mode = stat.mode;
  let out = stat.device ? 'c' : stat.kind === 'directory' ? 'd' : '-';
  for (let i = 8; i >= 0; i--) out += mode & (1 << i) ? bits[(8 - i) % 3] : '-';
  return out;
}

export const ls: Command = {
  name: 'ls',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const flags = args.filter((a) => a.startsWith('-') && a !== '-').join('');
    const long = flags.includes('l');
    const all = flags.includes('a');
    const directoriesThemselves = flags.includes('d');
    const targets = args.filter((a) => !a.startsWith('-') || a === '-');
    const paths = targets.length ? targets : ['.'];
    let status = 0;
    const now = ctx.time.now();
    const lines: string[] = [];
    for (const target of paths) {
      const path = resolvePath(ctx.cwd, target);
      if (!ctx.fs.exists(path)) {
        const missing = lsMissing(ctx.userland, target);
        ctx.stderr.write(`${missing.message}\n`);
        status = missing.status;
        continue;
      }
      const stat = ctx.fs.stat(path);
      const listed = stat.kind === 'directory' && !directoriesThemselves;
      const entries = listed ? ctx.fs.readdir(path).filter((n) => all || !n.startsWith('.')) : [target];
      if (paths.length > 1 && listed) lines.push(`${target}:`);
      if (!long) {
        lines.push(...entries);
        continue;
      }
      const rows = entries.map((name) => {
        const full = listed ? resolvePath(path, name) : path;
        const s = ctx.fs.stat(full);
        const date = new Date(s.mtimeMs || now);
        const recent = now - date.getTime() < 182 * 24 * 3600 * 1000;
        const when = `${MONTHS[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2)} ${recent ? `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}` : ` ${date.getUTCFullYear()}`}`;
        return { mode: modeString(s), links: s.kind === 'directory' ? '2' : '1', size: String(s.size), device: s.device, when, name };
      });
      if (ctx.userland === 'busybox') {
        if (listed) lines.push(`total ${rows.reduce((n, r) => n + (r.device ? 0 : Math.ceil(Number(r.size) / 4096) * 4), 0)}`);
        lines.push(...rows.map(busyboxLongLine));
        continue;
      }
      // GNU ls prints a device's "major, minor" in the size column, each number aligned on its own.
      const majorWidth = Math.max(0, ...rows.map((r) => (r.device ? String(r.device.major).length : 0)));
      const minorWidth = Math.max(0, ...rows.map((r) => (r.device ? String(r.device.minor).length : 0)));
      for (const r of rows) if (r.device) r.size = `${String(r.device.major).padStart(majorWidth)}, ${String(r.device.minor).padStart(minorWidth)}`;
      const sizeWidth = Math.max(0, ...rows.map((r) => r.size.length));
      if (listed) lines.push(`total ${rows.reduce((n, r) => n + (r.device ? 0 : Math.ceil(Number(r.size) / 4096) * 4), 0)}`);
      for (const r of rows) lines.push(`${r.mode} ${r.links} root root ${r.size.padStart(sizeWidth)} ${r.when} ${r.name}`);
    }
    // Both ls print one name a line unless standard output is a terminal (isatty(1)).
    if (!long && !flags.includes('1') && ctx.stdoutIsTerminal === true && lines.every((l) => !l.endsWith(':'))) {
      if (lines.length) ctx.stdout.write(columnsLayout(lines, ctx.terminal.size?.().columns ?? 80));
    } else if (lines.length) ctx.stdout.write(`${lines.join('\n')}\n`);
    return status;
  },
};

/**
 * Models busybox 1.36 coreutils/ls.c display_single: fixed widths (`%-10s %4lu %-8.8s %-8.8s %9u `,
 * a device as `%4u, %3u `), the date as ctime's `Mmm dd hh:mm` or `Mmm dd  yyyy`.
 */
function busyboxLongLine(r: { mode: string; links: string; size: string; device: { major: number; minor: number } | undefined; when: string; name: string }): string {
  const size = r.device ? `${String(r.device.major).padStart(4)}, ${String(r.device.minor).padStart(3)}` : r.size.padStart(9);
  return `${r.mode} ${r.links.padStart(4)} root     root     ${size} ${r.when} ${r.name}`;
}

/**
 * Models coreutils ls.c calculate_columns and print_many_per_line: the most columns, filled
 * down then across, whose widest row stays under the terminal's width; every column but the
 * last is as wide as its longest name plus two blanks.
 */
export function columnsLayout(names: string[], width: number): string {
  for (let columns = Math.min(names.length, Math.max(1, Math.floor(width / 3))); columns >= 1; columns--) {
    const rows = Math.ceil(names.length / columns);
    const used = Math.ceil(names.length / rows);
    const widths = Array.from({ length: used }, (_, c) => Math.max(...names.slice(c * rows, (c + 1) * rows).map((n) => n.length)) + (c === used - 1 ? 0 : 2));
    if (columns > 1 && widths.reduce((a, b) => a + b, 0) >= width) continue;
    let out = '';
    for (let r = 0; r < rows; r++) {
      let at = 0;
      for (let c = 0; c < used; c++) {
        const name = names[c * rows + r];
        if (name === undefined) break;
        out += name;
        const last = c === used - 1 || names[(c + 1) * rows + r] === undefined;
        if (last) break;
        out += indent(at + name.length, at + widths[c]!);
        at += widths[c]!;
      }
      out += '\n';
    }
    return out;
  }
  return '';
}

/** Models ls.c indent: to a terminal GNU ls pads with tabs where a tab stop (every 8) fits, then blanks. */
function indent(from: number, to: number): string {
  let out = '';
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      out += '\t';
      from += 8 - (from % 8);
    } else {
      out += ' ';
      from++;
    }
  }
  return out;
}
