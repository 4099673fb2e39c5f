/** GNU ls: names (one per line when not a terminal, spaced otherwise), `-l`, `-a`, `-1`. */
import type { Command } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { lsMissing } from './userland.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function modeString(kind: 'file' | 'directory', mode: number): string {
  const bits = ['r', 'w', 'x'];
  let out = kind === 'directory' ? 'd' : '-';
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
      const entries = stat.kind === 'directory' ? ctx.fs.readdir(path).filter((n) => all || !n.startsWith('.')) : [target];
      if (paths.length > 1 && stat.kind === 'directory') lines.push(`${target}:`);
      if (!long) {
        lines.push(...entries);
        continue;
      }
      const rows = entries.map((name) => {
        const full = stat.kind === 'directory' ? resolvePath(path, name) : path;
        const s = ctx.fs.stat(full);
        const date = new Date(s.mtimeMs || now);
        const recent = now - date.getTime() < 182 * 24 * 3600 * 1000;
        const when = `${MONTHS[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2)} ${recent ? `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}` : ` ${date.getUTCFullYear()}`}`;
        return { mode: modeString(s.kind, s.mode), links: s.kind === 'directory' ? '2' : '1', size: String(s.size), when, name };
      });
      const sizeWidth = Math.max(0, ...rows.map((r) => r.size.length));
      if (stat.kind === 'directory') lines.push(`total ${rows.reduce((n, r) => n + Math.ceil(Number(r.size) / 4096) * 4, 0)}`);
      for (const r of rows) lines.push(`${r.mode} ${r.links} root root ${r.size.padStart(sizeWidth)} ${r.when} ${r.name}`);
    }
    if (!long && !flags.includes('1') && ctx.stdinIsTerminal && lines.every((l) => !l.endsWith(':'))) {
      if (lines.length) ctx.stdout.write(`${lines.join('  ')}\n`);
    } else if (lines.length) ctx.stdout.write(`${lines.join('\n')}\n`);
    return status;
  },
};
