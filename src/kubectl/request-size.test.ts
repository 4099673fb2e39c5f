import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';

// The apiserver refuses a body past 3 MiB before decoding it (handlers/rest.go limitedReadBody);
// kubectl words the 413 as for any Status of the server.
const cases: { name: string; dataChars: number; line: string; want: { stdout: string; stderr: string; code: number } }[] = [
  {
    name: 'create of a ConfigMap past the request limit',
    dataChars: 3_200_000,
    line: 'kubectl create -f big.yaml',
    want: { stdout: '', stderr: 'Error from server (RequestEntityTooLarge): error when creating "big.yaml": Request entity too large: limit is 3145728\n', code: 1 },
  },
  {
    // apply sends the object twice (the last-applied annotation), so half the limit is enough.
    name: 'apply of a ConfigMap past half the request limit',
    dataChars: 1_700_000,
    line: 'kubectl apply -f big.yaml',
    want: { stdout: '', stderr: 'Error from server (RequestEntityTooLarge): error when creating "big.yaml": Request entity too large: limit is 3145728\n', code: 1 },
  },
  { name: 'create of a ConfigMap within the limit', dataChars: 1_000_000, line: 'kubectl create -f big.yaml', want: { stdout: 'configmap/big created\n', stderr: '', code: 0 } },
];

describe('request body limit', () => {
  it.each(cases)('$name', async ({ dataChars, line, want }) => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/big.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: ${'x'.repeat(dataChars)}\n`);
    expect(await runLine(session, line)).toEqual(want);
  });
});
