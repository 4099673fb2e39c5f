import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';

// Expected outputs: bash 5.2, GNU coreutils 8.32 and debianutils which on Ubuntu 22.04, whose
// merged /usr makes /bin and /usr/bin one directory.
const cases = [
  { name: 'lists the session programs in /usr/bin', line: "ls -1 /usr/bin | grep -xE 'kubectl|ls|curl'", stdout: 'curl\nkubectl\nls\n', stderr: '', code: 0 },
  { name: 'shows /bin as the same directory', line: 'diff <(ls -1 /bin) <(ls -1 /usr/bin) && echo same', stdout: 'same\n', stderr: '', code: 0 },
  { name: 'runs a program by its path', line: '/usr/bin/ls /root/.kube', stdout: 'config\n', stderr: '', code: 0 },
  { name: 'runs a program by its /bin path', line: '/bin/cat /root/.kube/config | head -1', stdout: 'apiVersion: v1\n', stderr: '', code: 0 },
  { name: 'which names the file', line: 'which kubectl ls', stdout: '/usr/bin/kubectl\n/usr/bin/ls\n', stderr: '', code: 0 },
  { name: 'which finds no kubeadm', line: 'which kubeadm crictl', stdout: '', stderr: '', code: 1 },
  { name: 'a missing binary by its path', line: '/usr/bin/kubeadm version', stdout: '', stderr: 'bash: /usr/bin/kubeadm: No such file or directory\n', code: 127 },
  { name: 'the program files are executable', line: 'test -x /usr/bin/kubectl && test -f /bin/cat && echo yes', stdout: 'yes\n', stderr: '', code: 0 },
];

describe('the controlplane bin directories', () => {
  it.each(cases)('$name', async ({ line, stdout, stderr, code }) => {
    const session = await newSession();
    expect(await runLine(session, line)).toEqual({ stdout, stderr, code });
  });
});
