import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

async function withPod() {
  const session = await newSession();
  await runLine(session, 'kubectl run web --image=nginx --labels=app=web,tier=front');
  return session;
}

describe('kubectl label', () => {
  it.each([
    { name: 'removing a missing label', line: 'kubectl label pod web nope-', want: { stdout: 'label "nope" not found.\npod/web not labeled\n', stderr: '', code: 0 } },
    { name: 'removing a label', line: 'kubectl label pod web tier-', want: { stdout: 'pod/web unlabeled\n', stderr: '', code: 0 } },
    { name: 'setting the value it has', line: 'kubectl label pod web tier=front --overwrite', want: { stdout: 'pod/web not labeled\n', stderr: '', code: 0 } },
    { name: 'setting the value it has without --overwrite', line: 'kubectl label pod web tier=front', want: { stdout: 'pod/web not labeled\n', stderr: '', code: 0 } },
    { name: 'removing one label while adding a shorter one', line: 'kubectl label pod web tier- x=1', want: { stdout: 'pod/web unlabeled\n', stderr: '', code: 0 } },
    { name: 'a client dry run with -o name', line: 'kubectl label pod web env=prod --dry-run=client -o name', want: { stdout: 'pod/web\n', stderr: '', code: 0 } },
    { name: 'a server dry run', line: 'kubectl label pod web env=prod --dry-run=server', want: { stdout: 'pod/web labeled (server dry run)\n', stderr: '', code: 0 } },
    { name: 'every pod a selector lists', line: 'kubectl label pods -l app=web env=prod', want: { stdout: 'pod/web labeled\n', stderr: '', code: 0 } },
    {
      name: 'no resource',
      line: 'kubectl label',
      want: { stdout: '', stderr: 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n', code: 1 },
    },
    { name: 'no change', line: 'kubectl label pods', want: { stdout: '', stderr: 'error: at least one label update is required\n', code: 1 } },
    {
      name: 'a resource after a change',
      line: 'kubectl label pod a=b web',
      want: { stdout: '', stderr: 'error: all resources must be specified before label changes: web\n', code: 1 },
    },
    {
      name: 'modifying and removing one key',
      line: 'kubectl label pod web a=b a-',
      want: { stdout: '', stderr: 'error: can not both modify and remove a label in the same command\n', code: 1 },
    },
  ])('$name', async ({ line, want }) => {
    const session = await withPod();
    expect(await runLine(session, line)).toEqual(want);
  });

  it('leaves the object alone on a dry run', async () => {
    const session = await withPod();
    await runLine(session, 'kubectl label pod web env=prod --dry-run=client');
    await runLine(session, 'kubectl label pod web env=prod --dry-run=server');
    expect((await runLine(session, 'kubectl get pod web -o jsonpath={.metadata.labels}')).stdout).toBe('{"app":"web","tier":"front"}');
  });
});

describe('kubectl annotate', () => {
  it.each([
    {
      name: 'overwriting without --overwrite',
      lines: ['kubectl annotate pod web owner=me', 'kubectl annotate pod web owner=you'],
      want: { stdout: '', stderr: "error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (me)\n", code: 1 },
    },
    {
      name: 'overwriting the change cause, which is always allowed',
      lines: ['kubectl annotate pod web kubernetes.io/change-cause=a', 'kubectl annotate pod web kubernetes.io/change-cause=b'],
      want: { stdout: 'pod/web annotated\n', stderr: '', code: 0 },
    },
    {
      name: 'setting the value it has',
      lines: ['kubectl annotate pod web owner=me', 'kubectl annotate pod web owner=me'],
      want: { stdout: 'pod/web annotated\n', stderr: '', code: 0 },
    },
    { name: 'removing a missing annotation', lines: ['kubectl annotate pod web owner-'], want: { stdout: 'pod/web annotated\n', stderr: '', code: 0 } },
    { name: 'no change', lines: ['kubectl annotate pods'], want: { stdout: '', stderr: 'error: at least one annotation update is required\n', code: 1 } },
  ])('$name', async ({ lines, want }) => {
    const session = await withPod();
    let last;
    for (const line of lines) last = await runLine(session, line);
    expect(last).toEqual(want);
  });
});
