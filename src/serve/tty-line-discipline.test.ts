import { describe, expect, it } from 'vitest';
import { StreamedLines, TtyLineDiscipline } from './tty-line-discipline.ts';

function tty() {
  let screen = '';
  const discipline = new TtyLineDiscipline((text) => (screen += text));
  return { discipline, screen: () => screen };
}

describe('TtyLineDiscipline', () => {
  const cases = [
    { name: 'echoes keys and ends the line at Enter', keys: 'ls\r', screen: '$ ls\r\n', line: 'ls' },
    { name: 'Backspace rubs out the last character', keys: 'lx\x7fs\r', screen: '$ lx\b \bs\r\n', line: 'ls' },
    { name: 'Ctrl-U kills the line', keys: 'abc\x15ls\r', screen: '$ abc\b \b\b \b\b \bls\r\n', line: 'ls' },
    { name: 'cursor keys do no editing', keys: 'l\x1b[As\r', screen: '$ ls\r\n', line: 'ls' },
    { name: 'Ctrl-D on an empty line is end of input', keys: '\x04', screen: '$ ', line: null },
  ];
  it.each(cases)('$name', async ({ keys, screen, line }) => {
    const t = tty();
    const read = t.discipline.readLine('$ ');
    t.discipline.input(keys);
    expect(await read).toBe(line);
    expect(t.screen()).toBe(screen);
  });

  it('keeps what is typed before the program asks', async () => {
    const t = tty();
    t.discipline.input('echo a\r');
    expect(await t.discipline.readLine('# ')).toBe('echo a');
    expect(t.screen()).toBe('echo a\r\n# ');
  });

  it('turns Ctrl-C into an interrupt and drops the line', () => {
    const t = tty();
    let interrupts = 0;
    t.discipline.ctrlC.onInterrupt(() => interrupts++);
    t.discipline.input('sleep\x03');
    expect(interrupts).toBe(1);
    expect(t.screen()).toBe('sleep^C');
  });

  it('writes output with CR LF line ends', () => {
    expect(TtyLineDiscipline.outputOf('a\nb\n')).toBe('a\r\nb\r\n');
  });
});

describe('StreamedLines', () => {
  it('hands over whole lines as they arrive, then the rest and the end', async () => {
    const lines = new StreamedLines();
    lines.input('one\ntw');
    expect(await lines.readLine('')).toBe('one');
    const next = lines.readLine('');
    lines.input('o\nthree');
    expect(await next).toBe('two');
    lines.close();
    expect(await lines.readLine('')).toBe('three');
    expect(await lines.readLine('')).toBeNull();
  });
});
