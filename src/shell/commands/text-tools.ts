/** Small text filters: uniq, seq, tee, basename, dirname. */
import type { Command } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { fsMessage } from '../interpreter/fs-message.ts';
import { readInputs, splitLines } from './read-inputs.ts';

const filter = (name: string, transform: (lines: string[], args: string[]) => string[] | string): Command => ({
  name,
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const files = args.filter((a) => !a.startsWith('-') || a === '-');
    const { texts, status } = readInputs(ctx, name, name === 'tr' ? [] : files);
    const result = transform(splitLines(texts.map((t) => t.text).join('')), args);
    if (typeof result === 'string') ctx.stdout.write(result);
    else if (result.length) ctx.stdout.write(`${result.join('\n')}\n`);
    // sort, in both userlands, fails with 2 when an input cannot be read.
    return status && name === 'sort' ? 2 : status;
  },
});

export const uniq = filter('uniq', (lines, args) => {
  const out: { line: string; count: number }[] = [];
  for (const line of lines) {
    const last = out.at(-1);
    if (last?.line === line) last.count++;
    else out.push({ line, count: 1 });
  }
  return out.map((o) => (args.includes('-c') ? `${String(o.count).padStart(7)} ${o.line}` : o.line));
});

export const seq: Command = {
  name: 'seq',
  async run(ctx) {
    const nums = ctx.argv.slice(1).map(Number);
    const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]!] : nums.length === 2 ? [nums[0]!, 1, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
    const out: string[] = [];
    for (let v = first; step > 0 ? v <= last : v >= last; v += step) {
      out.push(String(v));
      if (out.length % 200 === 0) await ctx.checkpoint();
      if (out.length > 1_000_000) break;
    }
    if (out.length) ctx.stdout.write(`${out.join('\n')}\n`);
    return 0;
  },
};

export const tee: Command = {
  name: 'tee',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const append = args.includes('-a');
    let status = 0;
    for (const file of args.filter((a) => !a.startsWith('-'))) {
      try {
        ctx.fs.writeFile(resolvePath(ctx.cwd, file), ctx.stdin, { append });
      } catch (error) {
        // GNU and busybox agree here: `tee: /x/y: No such file or directory`, and the copy to stdout goes on.
        ctx.stderr.write(`tee: ${file}: ${fsMessage(error)}\n`);
        status = 1;
      }
    }
    ctx.stdout.write(ctx.stdin);
    return status;
  },
};

export const basename: Command = {
  name: 'basename',
  async run(ctx) {
    const path = (ctx.argv[1] ?? '').replace(/\/+$/, '');
    let base = path.slice(path.lastIndexOf('/') + 1);
    const suffix = ctx.argv[2];
    if (suffix && base.endsWith(suffix) && base !== suffix) base = base.slice(0, -suffix.length);
    ctx.stdout.write(`${base}\n`);
    return 0;
  },
};

export const dirname: Command = {
  name: 'dirname',
  async run(ctx) {
    const path = (ctx.argv[1] ?? '').replace(/\/+$/, '');
    const i = path.lastIndexOf('/');
    ctx.stdout.write(`${i < 0 ? '.' : i === 0 ? '/' : path.slice(0, i)}\n`);
    return 0;
  },
};
