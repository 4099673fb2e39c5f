/**
 * diff: GNU's normal output (`2c2`, `< a`, `---`, `> b`) and `-u` unified hunks with 3 lines of
 * context; exit 0 when the files match, 1 when they differ, 2 on trouble. The edit script is a
 * longest common subsequence (GNU finds a minimal one too; ties may align differently).
 */
import type { Command, CommandContext } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { fsMessage } from '../interpreter/fs-message.ts';
import { SLICE_CHARS, SLICE_WEIGHT, allLines } from './text-slices.ts';

interface Input {
  name: string;
  text: string;
  /** Split by compareFiles, once it knows the texts differ. */
  lines: string[];
  /** Whether the last line lacks its newline. */
  noNewline: boolean;
  mtimeMs: number;
}

type Op = { kind: 'same' | 'del' | 'add'; a: number; b: number };

/** Past this many line pairs the table would not fit: diff answers like a program out of memory. */
const MAX_CELLS = 4_000_000;

export const diff: Command = {
  name: 'diff',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const unified = args.some((a) => a === '-u' || a === '--unified' || /^-U\d*$/.test(a));
    const brief = args.includes('-q') || args.includes('--brief');
    const operands = args.filter((a) => a === '-' || !a.startsWith('-'));
    const unknown = args.find((a) => a.startsWith('-') && a !== '-' && !['-u', '--unified', '-q', '--brief', '-N'].includes(a));
    if (unknown) {
      ctx.stderr.write(`diff: invalid option -- '${unknown.slice(1, 2)}'\ndiff: Try 'diff --help' for more information.\n`);
      return 2;
    }
    if (operands.length !== 2) {
      ctx.stderr.write(
        `diff: ${operands.length < 2 ? `missing operand after '${operands.at(-1) ?? 'diff'}'` : `extra operand '${operands[2]}'`}\ndiff: Try 'diff --help' for more information.\n`,
      );
      return 2;
    }
    const [left, right] = operands as [string, string];
    if (isDirectory(ctx, left) && isDirectory(ctx, right)) return compareDirectories(ctx, left, right, args);
    const inputs: (Input | undefined)[] = [];
    for (const name of operands) inputs.push(await read(ctx, name));
    if (inputs.some((i) => i === undefined)) return 2;
    return compareFiles(ctx, inputs as [Input, Input], unified, brief);
  },
};

/**
 * Two directories: each name either holds, in sorted order, compared as two files under a
 * `diff OPTIONS A/NAME B/NAME` line; with -N a name missing on one side reads as an empty file
 * (kubectl diff relies on this). Models GNU diff's diff_dirs, without recursion.
 */
async function compareDirectories(ctx: CommandContext, left: string, right: string, args: string[]): Promise<number> {
  const absent = !args.includes('-N');
  const names = [...new Set([...ctx.fs.readdir(resolvePath(ctx.cwd, left)), ...ctx.fs.readdir(resolvePath(ctx.cwd, right))])].sort();
  const unified = args.some((a) => a === '-u' || a === '--unified' || /^-U\d*$/.test(a));
  const brief = args.includes('-q') || args.includes('--brief');
  const options = args.filter((a) => a.startsWith('-') && a !== '-');
  let code = 0;
  for (const name of names) {
    const paths = [`${left.replace(/\/+$/, '')}/${name}`, `${right.replace(/\/+$/, '')}/${name}`] as const;
    const exists = paths.map((p) => ctx.fs.exists(resolvePath(ctx.cwd, p)));
    if (absent && !(exists[0] && exists[1])) {
      ctx.stdout.write(`Only in ${exists[0] ? left : right}: ${name}\n`);
      code = Math.max(code, 1);
      continue;
    }
    const inputs: (Input | undefined)[] = [];
    for (const [k, p] of paths.entries()) inputs.push(exists[k] ? await read(ctx, p) : { name: p, text: '', lines: [], noNewline: false, mtimeMs: 0 });
    if (inputs.some((i) => i === undefined)) {
      code = 2;
      continue;
    }
    const [a, b] = inputs as [Input, Input];
    if (!brief && a.text !== b.text) ctx.stdout.write(`diff ${[...options, a.name, b.name].join(' ')}\n`);
    code = Math.max(code, await compareFiles(ctx, [a, b], unified, brief));
  }
  return code;
}

function isDirectory(ctx: CommandContext, name: string): boolean {
  const path = resolvePath(ctx.cwd, name);
  return name !== '-' && ctx.fs.exists(path) && ctx.fs.stat(path).kind === 'directory';
}

async function compareFiles(ctx: CommandContext, [a, b]: [Input, Input], unified: boolean, brief: boolean): Promise<number> {
  if (a.text === b.text) return 0;
  // Only files that differ are split into lines.
  for (const input of [a, b]) input.lines = await allLines(ctx, input.text);
  // A last line without its newline differs from the same text with one (GNU prints it as changed).
  const keys = (input: Input) => (input.noNewline ? [...input.lines.slice(0, -1), `${input.lines.at(-1)}\u0000`] : input.lines);
  const ops = await editScript(ctx, keys(a), keys(b));
  if (ops === undefined) {
    ctx.stderr.write('diff: memory exhausted\n');
    return 2;
  }
  if (!ops.some((op) => op.kind !== 'same')) return 0;
  if (brief) ctx.stdout.write(`Files ${a.name} and ${b.name} differ\n`);
  else ctx.stdout.write(unified ? unifiedText(a, b, ops) : normalText(a, b, ops));
  return 1;
}

async function read(ctx: CommandContext, name: string): Promise<Input | undefined> {
  let text: string;
  let mtimeMs = ctx.time.now();
  if (name === '-') text = ctx.stdin;
  else {
    const path = resolvePath(ctx.cwd, name);
    try {
      text = ctx.fs.readFile(path);
      mtimeMs = ctx.fs.stat(path).mtimeMs;
    } catch (error) {
      ctx.stderr.write(`diff: ${name}: ${fsMessage(error)}\n`);
      return undefined;
    }
  }
  const noNewline = text !== '' && !text.endsWith('\n');
  return { name, text, lines: [], noNewline, mtimeMs };
}

async function editScript(ctx: CommandContext, a: string[], b: string[]): Promise<Op[] | undefined> {
  // The common head and tail need no table.
  let start = 0;
  let steps = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    start++;
    if (++steps % SLICE_CHARS === 0) await ctx.checkpoint(SLICE_WEIGHT);
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
    if (++steps % SLICE_CHARS === 0) await ctx.checkpoint(SLICE_WEIGHT);
  }
  const n = endA - start;
  const m = endB - start;
  if ((n + 1) * (m + 1) > MAX_CELLS) return undefined;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  let cells = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[start + i] === b[start + j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    cells += m;
    if (cells >= SLICE_CHARS) {
      cells = 0;
      await ctx.checkpoint(SLICE_WEIGHT);
    }
  }
  const ops: Op[] = [];
  for (let k = 0; k < start; k++) {
    ops.push({ kind: 'same', a: k, b: k });
    if (++steps % SLICE_CHARS === 0) await ctx.checkpoint(SLICE_WEIGHT);
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) ops.push({ kind: 'same', a: start + i++, b: start + j++ });
    else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ kind: 'del', a: start + i++, b: start + j });
    else ops.push({ kind: 'add', a: start + i, b: start + j++ });
  }
  for (let k = 0; k < a.length - endA; k++) {
    ops.push({ kind: 'same', a: endA + k, b: endB + k });
    if (++steps % SLICE_CHARS === 0) await ctx.checkpoint(SLICE_WEIGHT);
  }
  return ops;
}

/** Runs of changes: each a slice of ops with no 'same' inside. */
function changeRuns(ops: Op[]): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  for (let k = 0; k < ops.length; k++) {
    if (ops[k]!.kind === 'same') continue;
    const from = k;
    while (k + 1 < ops.length && ops[k + 1]!.kind !== 'same') k++;
    runs.push({ from, to: k + 1 });
  }
  return runs;
}

function lineOf(input: Input, index: number, prefix: string): string {
  const last = index === input.lines.length - 1 && input.noNewline;
  return `${prefix}${input.lines[index]}\n${last ? '\\ No newline at end of file\n' : ''}`;
}

/** Models GNU diff's normal format (normal.c print_normal_hunk). */
function normalText(a: Input, b: Input, ops: Op[]): string {
  let out = '';
  const range = (from: number, count: number) => (count <= 1 ? `${from + (count === 0 ? 0 : 1)}` : `${from + 1},${from + count}`);
  for (const run of changeRuns(ops)) {
    const slice = ops.slice(run.from, run.to);
    const dels = slice.filter((o) => o.kind === 'del');
    const adds = slice.filter((o) => o.kind === 'add');
    const first = slice[0]!;
    if (adds.length === 0) out += `${range(first.a, dels.length)}d${first.b}\n`;
    else if (dels.length === 0) out += `${first.a}a${range(first.b, adds.length)}\n`;
    else out += `${range(first.a, dels.length)}c${range(first.b, adds.length)}\n`;
    for (const d of dels) out += lineOf(a, d.a, '< ');
    if (dels.length && adds.length) out += '---\n';
    for (const d of adds) out += lineOf(b, d.b, '> ');
  }
  return out;
}

const CONTEXT = 3;

/** Models GNU diff's unified format (context.c pr_unidiff_hunk). */
function unifiedText(a: Input, b: Input, ops: Op[]): string {
  let out = `--- ${a.name}\t${stamp(a.mtimeMs)}\n+++ ${b.name}\t${stamp(b.mtimeMs)}\n`;
  const runs = changeRuns(ops);
  let r = 0;
  while (r < runs.length) {
    let from = Math.max(0, runs[r]!.from - CONTEXT);
    let to = Math.min(ops.length, runs[r]!.to + CONTEXT);
    while (r + 1 < runs.length && runs[r + 1]!.from - CONTEXT <= to) to = Math.min(ops.length, runs[++r]!.to + CONTEXT);
    r++;
    const hunk = ops.slice(from, to);
    const aCount = hunk.filter((o) => o.kind !== 'add').length;
    const bCount = hunk.filter((o) => o.kind !== 'del').length;
    const range = (start: number, count: number) => (count === 1 ? `${start + 1}` : `${count === 0 ? start : start + 1},${count}`);
    out += `@@ -${range(hunk[0]!.a, aCount)} +${range(hunk[0]!.b, bCount)} @@\n`;
    for (const op of hunk) out += op.kind === 'same' ? lineOf(a, op.a, ' ') : op.kind === 'del' ? lineOf(a, op.a, '-') : lineOf(b, op.b, '+');
    from = to;
  }
  return out;
}

/** `2026-12-06 17:00:00.000000000 +0000`, as GNU diff prints a file's time (the machines run in UTC). */
function stamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000000 +0000`;
}
