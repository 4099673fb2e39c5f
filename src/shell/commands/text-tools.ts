/** Small text filters: uniq, seq, tee, basename, dirname. */
import type { Command } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { fsMessage } from '../interpreter/fs-message.ts';
import { readInputs } from './read-inputs.ts';
import { lineSlices, linesOf, writeInSlices } from './text-slices.ts';

/** uniq [-c]: adjacent equal lines once, -c with their count; a run may cross from one slice into the next. */
export const uniq: Command = {
  name: 'uniq',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const counted = args.includes('-c');
    const { texts, status } = await readInputs(
      ctx,
      'uniq',
      args.filter((a) => !a.startsWith('-') || a === '-'),
    );
    const text = texts.length === 1 ? texts[0]!.text : texts.map((t) => t.text).join('');
    const shown = (line: string, count: number) => (counted ? `${String(count).padStart(7)} ${line}\n` : `${line}\n`);
    let last: string | undefined;
    let count = 0;
    for await (const slice of lineSlices(ctx, text)) {
      const out: string[] = [];
      for (const line of linesOf(slice)) {
        if (line === last) {
          count++;
          continue;
        }
        if (last !== undefined) out.push(shown(last, count));
        last = line;
        count = 1;
      }
      if (out.length) ctx.stdout.write(out.join(''));
    }
    if (last !== undefined) ctx.stdout.write(shown(last, count));
    return status;
  },
};

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
    await writeInSlices(ctx, ctx.stdin);
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
