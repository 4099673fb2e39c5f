import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';

describe('oversized input to kubectl', () => {
  // execve refuses an argument past MAX_ARG_STRLEN (128 KiB) with E2BIG; bash reports it for the path it ran.
  const cases: { name: string; line: string }[] = [
    { name: 'a 375 KB word', line: 'kubectl get $(printf "%0375000d" 0)' },
    { name: 'an 830 KB list of resources', line: 'x=pods; for i in $(seq 16); do x=$x,$x; done; x=${x:0:830000}; kubectl get $x' },
  ];
  it.each(cases)('refuses $name with Argument list too long', async ({ line }) => {
    const session = await newSession();
    expect(await runLine(session, line)).toEqual({ stdout: '', stderr: 'bash: /usr/bin/kubectl: Argument list too long\n', code: 126 });
  });

  it('applies a List of 10,000 ConfigMaps', async () => {
    const session = await newSession();
    const items = Array.from({ length: 10_000 }, (_, i) => `- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: cm-${i}\n`).join('');
    session.fs.writeFile('/root/list.yaml', `apiVersion: v1\nkind: List\nitems:\n${items}`);
    expect(await runLine(session, 'kubectl apply -f list.yaml | wc -l; kubectl get cm cm-9999 -o name')).toEqual({
      stdout: '10000\nconfigmap/cm-9999\n',
      stderr: '',
      code: 0,
    });
  }, 60_000);
});
