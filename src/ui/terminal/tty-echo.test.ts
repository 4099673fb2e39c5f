import { describe, expect, it } from 'vitest';
import { TtyEcho } from './tty-echo.ts';

const cases: { name: string; keys: string[]; expected: string }[] = [
  { name: 'printable keys echo as typed', keys: ['kubectl get po'], expected: 'kubectl get po' },
  { name: 'Enter starts a new line', keys: ['ls\r', 'pwd'], expected: 'ls\r\npwd' },
  { name: 'echoctl shows control keys and arrows with a caret', keys: ['\x01', '\x1b[A'], expected: '^A^[[A' },
  { name: 'Backspace rubs out the last character', keys: ['ab', '\x7f'], expected: 'ab\b \b' },
  { name: 'Backspace rubs out both cells of a caret pair', keys: ['\x01', '\x7f'], expected: '^A\b \b\b \b' },
  { name: 'Backspace at the start of the line echoes nothing', keys: ['a\r', '\x7f'], expected: 'a\r\n' },
  { name: 'Ctrl-U rubs out the whole line (echoke)', keys: ['abc', '\x15'], expected: 'abc\b \b\b \b\b \b' },
  { name: 'Ctrl-W rubs out the last word and the spaces after it', keys: ['ls -l ', '\x17'], expected: 'ls -l \b \b\b \b\b \b' },
  { name: 'Ctrl-D is not echoed', keys: ['\x04'], expected: '' },
];

describe('TtyEcho', () => {
  it.each(cases)('$name', ({ keys, expected }) => {
    const echo = new TtyEcho();
    expect(keys.map((k) => echo.feed(k)).join('')).toBe(expected);
  });

  it('forgets the unfinished line at a new prompt', () => {
    const echo = new TtyEcho();
    echo.feed('abc');
    echo.reset();
    expect(echo.feed('\x7f')).toBe('');
  });
});
