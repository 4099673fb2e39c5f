import { describe, expect, it } from 'vitest';
import { setImmediate } from 'node:timers';
import { columnsLayout } from './ls.ts';
import { MemoryFileSystem } from '../fs/memory-file-system.ts';
import { Shell, createInterrupt, registryOf } from '../shell.ts';
import { toolCommands } from './index.ts';

const NAMES =
  'alpha beta chi delta epsilon eta gamma iota kappa lambda mu nu omega omicron phi pi psi rho sigma tau theta upsilon verylongfilename-number-one verylongfilename-number-two xi zeta'.split(
    ' ',
  );

// Expected outputs recorded from GNU ls (coreutils 9.1) on a terminal `stty cols WIDTH` wide.
describe('ls lays names out in columns to the terminal width', () => {
  const cases: { width: number; out: string }[] = [
    {
      width: 80,
      out: 'alpha  epsilon\tkappa\tomega\t psi\ttheta\t\t\t     xi\nbeta   eta\tlambda\tomicron  rho\tupsilon\t\t\t     zeta\nchi    gamma\tmu\tphi\t sigma\tverylongfilename-number-one\ndelta  iota\tnu\tpi\t tau\tverylongfilename-number-two\n',
    },
    {
      width: 40,
      out: 'alpha\t omicron\nbeta\t phi\nchi\t pi\ndelta\t psi\nepsilon  rho\neta\t sigma\ngamma\t tau\niota\t theta\nkappa\t upsilon\nlambda\t verylongfilename-number-one\nmu\t verylongfilename-number-two\nnu\t xi\nomega\t zeta\n',
    },
    {
      width: 120,
      out: 'alpha  chi    epsilon  gamma  kappa   mu  omega    phi\tpsi  sigma  theta    verylongfilename-number-one  xi\nbeta   delta  eta      iota   lambda  nu  omicron  pi\trho  tau    upsilon  verylongfilename-number-two  zeta\n',
    },
  ];
  it.each(cases)('$width columns', ({ width, out }) => {
    expect(columnsLayout(NAMES, width)).toBe(out);
  });
});

// GNU ls lays out columns only when its standard output is a terminal (isatty(1)).
describe('ls at a terminal', () => {
  const cases: { name: string; line: string; out: string }[] = [
    { name: 'writing to the terminal, in columns', line: 'ls', out: 'a  b  c\n' },
    { name: 'writing to a pipe, one name a line', line: 'ls | cat', out: 'a\nb\nc\n' },
    { name: 'captured by $(), one name a line', line: 'echo "$(ls)"', out: 'a\nb\nc\n' },
  ];
  it.each(cases)('$name', async ({ line, out }) => {
    const fs = new MemoryFileSystem();
    fs.mkdir('/root', { recursive: true });
    for (const name of ['a', 'b', 'c']) fs.writeFile(`/root/${name}`, '');
    const shell = new Shell({
      fs,
      registry: registryOf(toolCommands()),
      env: { HOME: '/root' },
      cwd: '/root',
      time: { now: () => 0, sleep: async () => undefined },
      yieldToHost: () => new Promise((resolve) => setImmediate(resolve)),
      terminal: { size: () => ({ columns: 80, rows: 24 }) },
    });
    let text = '';
    const sink = { write: (t: string) => (text += t) };
    await shell.run(line, { stdout: sink, stderr: sink, interrupt: createInterrupt(), interactive: true });
    expect(text).toBe(out);
  });
});
