import { setImmediate } from 'node:timers';
import { describe, expect, it } from 'vitest';
import { playScript } from './headless-player.ts';
import { Session } from './session.ts';

// Regression: `openssl req -newkey` once awaited WebCrypto off the thread, so the player saw an
// idle command, ran the clock to the line budget and pressed Ctrl-C.
describe('a command generating a key', () => {
  const cases = [
    {
      name: 'openssl req -x509 -newkey finishes without Ctrl-C and without moving the clock',
      line: 'openssl req -x509 -newkey rsa:2048 -nodes -keyout k.pem -out c.pem -subj /CN=x -days 1 2>/dev/null',
    },
    { name: 'openssl genrsa finishes without Ctrl-C and without moving the clock', line: 'openssl genrsa -out g.key 2048' },
  ];
  it.each(cases)(
    '$name',
    async ({ line }) => {
      const session = await Session.create({ seed: 1, yieldToHost: () => new Promise<void>((resolve) => setImmediate(resolve)) });
      let transcript = '';
      const script = `cd /root; start=$(date +%s)\n${line}\necho $? $(( $(date +%s) - start ))\n`;
      await playScript(session, undefined, script, (text) => (transcript += text));
      session.close();
      expect(transcript).toBe(`$ cd /root; start=$(date +%s)\n$ ${line}\n$ echo $? $(( $(date +%s) - start ))\n0 0\n`);
    },
    60_000,
  );
});
