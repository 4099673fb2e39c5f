import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../../tests/support/session.ts';

// Expected outputs are the real kubectl v1.35.2's against the same served cluster (parity group errors.sh).
describe('kubectl get refusals', () => {
  it.each([
    {
      name: 'a jsonpath that does not parse, before listing',
      line: "kubectl get pods -o jsonpath='{.items[}'",
      stderr: 'error: error parsing jsonpath {.items[}, unterminated array\n',
    },
    {
      name: 'a custom-columns spec without a path',
      line: 'kubectl get pods -o custom-columns=BAD',
      stderr: 'error: unexpected custom-columns spec: BAD, expected <header>:<json-path-expr>\n',
    },
    {
      name: 'a label selector the server cannot parse',
      line: "kubectl get pods -l 'a in'",
      stderr: `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a in", field selector "": unable to parse requirement: found '' expected: '('\n`,
    },
    {
      name: 'an unsupported field selector',
      line: 'kubectl get pods --field-selector=bogus=1',
      stderr: 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "bogus=1": field label not supported: bogus\n',
    },
  ])('words $name as kubectl does', async ({ line, stderr }) => {
    const session = await newSession();
    expect(await runLine(session, line)).toEqual({ stdout: '', stderr, code: 1 });
  });

  it('prints what a jsonpath finds in an empty list instead of "No resources found"', async () => {
    const session = await newSession();
    expect(await runLine(session, "kubectl get pods -o jsonpath='{.items[*].metadata.name}'")).toEqual({ stdout: '', stderr: '', code: 0 });
  });
});
