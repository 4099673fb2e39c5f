import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from './session.ts';
import { newSession, runLine } from '../../tests/support/session.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** GNU ls -l's date of a file changed within six months. */
const lsDate = (ms: number) => {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
};

// Expected outputs: GNU coreutils 8.32 and bash 5.2 on Ubuntu 22.04; busybox 1.36 in the pod.
const hostCases = [
  { name: 'cat /dev/null prints nothing', line: 'cat /dev/null; echo $?', stdout: '0\n' },
  { name: 'ls -l shows a character device', line: 'ls -l /dev/null', stdout: (date: string) => `crw-rw-rw- 1 root root 1, 3 ${date} /dev/null\n` },
  {
    name: 'ls -l aligns device numbers',
    line: 'ls -l /dev | grep -v total',
    stdout: (date: string) => ['full', 'null', 'random', 'urandom', 'zero'].map((n, i) => `crw-rw-rw- 1 root root 1, ${[7, 3, 8, 9, 5][i]} ${date} ${n}\n`).join(''),
  },
  { name: 'head -c reads zeros', line: 'head -c 8 /dev/zero | od -An -tx1', stdout: ' 00 00 00 00 00 00 00 00\n' },
  { name: 'head -c reads random bytes', line: 'head -c 16 /dev/urandom | wc -c', stdout: '16\n' },
  {
    name: 'each read of urandom differs',
    line: 'a=$(head -c 12 /dev/urandom | base64); b=$(head -c 12 /dev/urandom | base64); [ "$a" != "$b" ] && echo differ',
    stdout: 'differ\n',
  },
  { name: 'test tells a device from a file', line: 'test -c /dev/null && test ! -f /dev/null && test -e /dev/zero && echo char', stdout: 'char\n' },
  { name: 'tee to /dev/null keeps it empty', line: 'echo hi | tee /dev/null; wc -c < /dev/null', stdout: 'hi\n0\n' },
  { name: 'cat reads /dev/stdin', line: 'echo hello | cat /dev/stdin', stdout: 'hello\n' },
];

describe('/dev on the controlplane', () => {
  let session: Session;
  beforeAll(async () => {
    session = await newSession();
  }, 60_000);

  it.each(hostCases)('$name', async ({ line, stdout }) => {
    const expected = typeof stdout === 'string' ? stdout : stdout(lsDate(session.cluster.clock.now()));
    expect(await runLine(session, line)).toEqual({ stdout: expected, stderr: '', code: 0 });
  });
});

describe('/dev in a container', () => {
  it('reads null, zero and urandom in a busybox pod', { timeout: 60_000 }, async () => {
    const session = await newSession();
    await runLine(session, 'kubectl run b --image=busybox -- sleep 3600');
    await runLine(session, 'sleep 5');
    const line = "kubectl exec b -- sh -c 'cat /dev/null; head -c 4 /dev/zero | od -An -tx1; head -c 16 /dev/urandom | wc -c; test -c /dev/null && echo char'";
    expect(await runLine(session, line)).toEqual({ stdout: ' 00 00 00 00\n16\nchar\n', stderr: '', code: 0 });
    session.close();
  });
});
