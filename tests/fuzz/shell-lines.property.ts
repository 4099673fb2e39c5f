/**
 * The shell fuzz's property, over lines made of its grammar's pieces: whatever the line, no
 * JavaScript exception escapes `Shell.run`, no JavaScript error text reaches the terminal, and
 * Ctrl-C pressed at any yield ends the line within a few more, and no stretch between two host
 * turns outlasts CTRL_C_REAL_MS of CPU time. Run by shell-lines.test.ts (small
 * budget) and large-run.ts (`npm run fuzz`).
 */
import fc from 'fast-check';
import { writeSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { setImmediate } from 'node:timers';
import { MemoryFileSystem } from '../../src/shell/fs/memory-file-system.ts';
import { Shell, createInterrupt, registryOf } from '../../src/shell/shell.ts';
import { toolCommands } from '../../src/shell/commands/index.ts';
import { CTRL_C_REAL_MS, StretchMeter } from './stretch-meter.ts';
import { RealTimeHostTurns } from '../../src/session/host-turns.ts';

/** What `npm test` affords. */
export const SHELL_LINES_SMALL_RUNS = 150;
/** Yields a line may take after Ctrl-C before it counts as not honouring it. */
const YIELDS_AFTER_CTRL_C = 5;
/** Yields after Ctrl-C at which a line is given up: it has failed already, however it ends. */
const GIVE_UP_AFTER_YIELDS = 50;

const PIECES = [
  'echo',
  'x',
  'y',
  '$x',
  '"$x"',
  "'q r'",
  '$?',
  '$#',
  '$1',
  '$@',
  '"$@"',
  '${x:-d}',
  '${x#?}',
  '${#x}',
  '$((1+2))',
  '$((x/0))',
  '{a,b}',
  '{1..3}',
  '{a..c}',
  'x{,y}',
  '*',
  '?',
  '[ab]',
  '|',
  '&&',
  '||',
  ';',
  '&',
  '!',
  '(',
  ')',
  '{',
  '}',
  '\n',
  'if',
  'then',
  'elif',
  'else',
  'fi',
  'for',
  'in',
  'do',
  'done',
  'while',
  'until',
  'case',
  'esac',
  ';;',
  'x)',
  '*)',
  'f()',
  'f',
  'return',
  'break',
  'continue',
  'exit',
  'local',
  '$(echo a)',
  '`echo b`',
  '$(',
  '"',
  "'",
  '\\',
  '>',
  '>>',
  '<',
  '2>&1',
  '&>',
  '/dev/null',
  'out.txt',
  '<<EOF\nbody $x\nEOF\n',
  "<<'E'\n$x\nE\n",
  'x=1',
  'y=$x',
  'export',
  'unset',
  'alias',
  'a=b',
  'cd',
  '/tmp',
  '..',
  'pwd',
  'read',
  'shift',
  'eval',
  'source',
  '.',
  'true',
  'false',
  ':',
  'test',
  '[',
  ']',
  '[[',
  ']]',
  '-n',
  '-eq',
  '-f',
  'cat',
  'wc -l',
  'sort',
  'uniq -c',
  'head -n 1',
  'tail -1',
  'tr a b',
  'cut -d: -f1',
  'seq 3',
  'printf %s\\n',
  'yes',
  'xargs echo',
  'sleep 1',
  'ls',
  'mkdir -p d',
  'rm -f out.txt',
  'touch f',
  'env',
  'date',
  'basename /a/b',
  'base64',
];

// A fault of ours is shown as the neutral `…: internal error` line (lib/internal-fault), so that
// line is a finding too, not only JavaScript's own text.
const JS_ERROR_TEXT =
  /is not a function|Cannot read propert|Cannot set propert|is not iterable|is not defined|Maximum call stack|\[object Object\]|TypeError|RangeError|ReferenceError|SyntaxError: |: internal error$/m;

class InterruptedError extends Error {
  override name = 'InterruptedError';
}

/**
 * Runs `line` in a fresh shell, pressing Ctrl-C at the `ctrlCAtYield`th host turn. A host turn is
 * a yield of the shell, or a sleep of the line (not of a background job): the session's clock runs
 * a sleep as a timer, and its pump gives the host a turn between two timers. A line still taking
 * turns well past its allowance after Ctrl-C is given up (its turns never come back), so that it
 * fails rather than runs on.
 */
async function runFuzzedLine(line: string, ctrlCAtYield: number): Promise<{ out: string; status: unknown; yieldsAfterCtrlC: number; stretchMs: number }> {
  const meter = new StretchMeter();
  const fs = new MemoryFileSystem();
  fs.mkdir('/root', { recursive: true });
  fs.mkdir('/tmp', { recursive: true });
  let now = 0;
  let yields = 0;
  let firedAt: number | undefined;
  let giveUp: () => void = () => undefined;
  const givenUp = new Promise<'given up'>((resolve) => (giveUp = () => resolve('given up')));
  const interrupt = createInterrupt();
  // Once the line is over, no turn comes back: a job its jobs started, which killJobs does not
  // reach, would otherwise run on through every later input.
  let over = false;
  const otherTurn = () =>
    new Promise<void>((resolve) =>
      setImmediate(() => {
        meter.turn();
        if (!over) resolve();
      }),
    );
  const hostTurn = () =>
    new Promise<void>((resolve) =>
      setImmediate(() => {
        meter.turn();
        if (over) return;
        if (++yields >= ctrlCAtYield && firedAt === undefined) {
          firedAt = yields;
          interrupt.fire();
        }
        if (firedAt !== undefined && yields - firedAt > GIVE_UP_AFTER_YIELDS) giveUp();
        else resolve();
      }),
    );
  const shell = new Shell({
    fs,
    registry: registryOf(toolCommands()),
    env: { HOME: '/root', PATH: '/usr/bin:/bin' },
    time: {
      now: () => now,
      sleep: async (ms, cancel) => {
        if (cancel?.interrupted) throw new InterruptedError('interrupted');
        now += ms;
        // A background job sleeps under its own interrupt: its turns are not the line's.
        await (cancel === interrupt ? hostTurn() : otherTurn());
      },
    },
    yieldToHost: hostTurn,
    backgroundYield: otherTurn,
    // As the worker's session: a checkpoint also lets the host in once its slice of real time is up.
    hostTurns: new RealTimeHostTurns(otherTurn, () => performance.now()),
  });
  let out = '';
  const sink = { write: (text: string) => (out += text) };
  meter.reset();
  try {
    const status = await Promise.race([shell.run(line, { stdout: sink, stderr: sink, interrupt }), givenUp]);
    meter.finish();
    return { out, status, yieldsAfterCtrlC: firedAt === undefined ? 0 : yields - firedAt, stretchMs: meter.longest() };
  } finally {
    shell.killJobs();
    over = true;
  }
}

const COMMANDS = [
  'echo',
  'printf %s\\n',
  'cat',
  'wc -l',
  'sort',
  'uniq -c',
  'head -n 2',
  'tail -1',
  'tr a-z A-Z',
  'cut -d: -f1',
  'seq 3',
  'true',
  'false',
  ':',
  'test -n',
  'ls',
  'eval echo',
  'xargs echo',
  'sleep 1',
  'base64',
  'f',
  'yes',
];
const ARGS = [
  'x',
  '$x',
  '"$x y"',
  "'q'",
  '$?',
  '$1',
  '"$@"',
  '${x:-d}',
  '${#x}',
  '$((x+1))',
  '{a,b}',
  '{1..4}',
  '*',
  '$(echo s)',
  '`echo t`',
  '2>/dev/null',
  '>out.txt',
  '<out.txt',
  '<<EOF\nh $x\nEOF\n',
];

/** Lines built from the grammar (mostly valid), and lines of loose pieces (mostly not). */
const { list } = fc.letrec<{ list: string; pipeline: string; command: string; simple: string }>((tie) => ({
  simple: fc.tuple(fc.constantFrom(...COMMANDS), fc.array(fc.constantFrom(...ARGS), { maxLength: 3 })).map(([name, args]) => [name, ...args].join(' ')),
  command: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('simple'),
    tie('simple'),
    fc.tuple(fc.array(fc.constantFrom(...ARGS), { minLength: 1, maxLength: 3 }), tie('list')).map(([items, body]) => `for i in ${items.join(' ')}; do ${body}; done`),
    fc.tuple(tie('list'), tie('list')).map(([cond, body]) => `while ${cond}; do ${body}; done`),
    tie('list').map((body) => `while :; do ${body}; done`),
    fc.tuple(tie('list'), tie('list'), tie('list')).map(([c, a, b]) => `if ${c}; then ${a}; else ${b}; fi`),
    tie('list').map((body) => `( ${body} )`),
    tie('list').map((body) => `{ ${body}; }`),
    tie('list').map((body) => `f(){ ${body}; }; f`),
    tie('list').map((body) => `x=$(${body})`),
    tie('list').map((body) => `eval '${body.replace(/'/g, '')}'`),
    fc.constantFrom('break', 'continue', 'return', 'exit 3', 'shift', 'f(){ f; }; f', 'x=a; x=$x$x$x', 'set -- a b', 'cd /tmp', 'read v'),
  ),
  pipeline: fc.array(tie('command'), { minLength: 1, maxLength: 3 }).map((commands) => commands.join(' | ')),
  list: fc
    .tuple(tie('pipeline'), fc.array(fc.tuple(fc.constantFrom(';', '&&', '||', '&', '\n'), tie('pipeline')), { maxLength: 2 }))
    .map(([first, rest]) => [first, ...rest.flat()].join(' ')),
}));
/** Writes to stderr at once; vitest's stderr is a non-blocking pipe that answers EAGAIN when full. */
function writeNow(text: string): void {
  let rest = Buffer.from(text);
  while (rest.length > 0) {
    try {
      rest = rest.subarray(writeSync(2, rest));
    } catch (error) {
      if ((error as { code?: string }).code !== 'EAGAIN') throw error;
    }
  }
}

const loose = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 10 }).map((pieces) => pieces.join(' '));

/** Whatever the line: a numeric status, no JavaScript error text, Ctrl-C honoured within a few yields and soon. */
export function shellLinesProperty(): fc.IAsyncPropertyWithHooks<[string, number]> {
  return fc.asyncProperty(fc.oneof(list, list, loose), fc.integer({ min: 1, max: 40 }), async (text, ctrlCAtYield) => {
    // Written before the run and unbuffered, so an input that exhausts the heap is still named.
    if (process.env.FUZZ_VERBOSE !== undefined) writeNow(`${JSON.stringify(text)} ctrl-c at yield ${ctrlCAtYield}\n`);
    const { out, status, yieldsAfterCtrlC, stretchMs } = await runFuzzedLine(text, ctrlCAtYield);
    const shown = `\n--- input ---\n${text.slice(0, 4000)}\n--- output ---\n${out.slice(0, 4000)}`;
    // Confirmed by a second run, so that a pause of the machine alone does not fail a line.
    if (stretchMs > CTRL_C_REAL_MS) {
      const again = (await runFuzzedLine(text, ctrlCAtYield)).stretchMs;
      if (again > CTRL_C_REAL_MS) throw new Error(`Ctrl-C could not be answered in ${CTRL_C_REAL_MS} ms: ${Math.round(again)} ms without a host turn${shown}`);
    }
    if (yieldsAfterCtrlC > YIELDS_AFTER_CTRL_C) throw new Error(`the line took ${yieldsAfterCtrlC} yields after Ctrl-C${shown}`);
    if (typeof status !== 'number') throw new Error(`the line ended with ${typeof status}, not a status${shown}`);
    const leaked = JS_ERROR_TEXT.exec(out);
    if (leaked !== null) throw new Error(`JavaScript error text "${leaked[0]}" reached the terminal${shown}`);
  });
}
