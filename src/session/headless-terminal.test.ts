import { setImmediate } from 'node:timers';
import { describe, expect, it } from 'vitest';
import { playScript } from './headless-player.ts';
import { Session } from './session.ts';

// The transcript stands for the terminal: GNU ls 9.1 lays out columns to it (isatty(1)) and
// writes one name a line into a pipe or a capture.
describe('a played script writes to the terminal', () => {
  const cases = [
    { name: 'ls to the terminal, in columns', line: 'ls', out: 'a  b  c\n' },
    { name: 'ls into a pipe, one name a line', line: 'ls | cat', out: 'a\nb\nc\n' },
    { name: 'ls captured by $(), one name a line', line: 'echo "$(ls)"', out: 'a\nb\nc\n' },
  ];
  it.each(cases)(
    '$name',
    async ({ line, out }) => {
      const session = await Session.create({ seed: 1, yieldToHost: () => new Promise<void>((resolve) => setImmediate(resolve)) });
      let transcript = '';
      await playScript(session, undefined, `mkdir -p /tmp/t && cd /tmp/t && touch a b c\n${line}\n`, (text) => (transcript += text));
      session.close();
      expect(transcript).toBe(`$ mkdir -p /tmp/t && cd /tmp/t && touch a b c\n$ ${line}\n${out}`);
    },
    60_000,
  );
});
