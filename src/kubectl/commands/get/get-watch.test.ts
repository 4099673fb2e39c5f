import { beforeAll, describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../../tests/support/session.ts';
import { createInterrupt } from '../../../shell/shell.ts';

// Expected lines: the real kubectl v1.35.2 watching a served cluster while `kubectl delete pod web` ran.
describe('kubectl get -w', () => {
  // The first session of a process builds kube-system once: not part of what each case waits for.
  beforeAll(() => newSession(), 60_000);

  it.each([
    {
      name: 'watch prints the list, then every event, DELETED included',
      line: 'kubectl get pods -w',
      want: [
        'NAME   READY   STATUS    RESTARTS   AGE',
        'web    1/1     Running   0          60s',
        'web    1/1     Terminating   0          61s',
        'web    0/1     Terminating   0          61s',
        'web    0/1     Terminating   0          61s',
      ],
    },
    {
      name: 'output-watch-events names each event',
      line: 'kubectl get pods -w --output-watch-events',
      want: [
        'EVENT      NAME   READY   STATUS    RESTARTS   AGE',
        'ADDED      web    1/1     Running   0          60s',
        'MODIFIED   web    1/1     Terminating   0          61s',
        'MODIFIED   web    0/1     Terminating   0          61s',
        'DELETED    web    0/1     Terminating   0          61s',
      ],
    },
    {
      name: 'watch-only skips the list',
      line: 'kubectl get pods --watch-only',
      want: [
        'NAME   READY   STATUS        RESTARTS   AGE',
        'web    1/1     Terminating   0          61s',
        'web    0/1     Terminating   0          61s',
        'web    0/1     Terminating   0          61s',
      ],
    },
    {
      name: 'a named object is printed once before its changes',
      line: 'kubectl get pod web -w --output-watch-events',
      want: [
        'EVENT      NAME   READY   STATUS    RESTARTS   AGE',
        'ADDED      web    1/1     Running   0          60s',
        'MODIFIED   web    1/1     Terminating   0          61s',
        'MODIFIED   web    0/1     Terminating   0          61s',
        'DELETED    web    0/1     Terminating   0          61s',
      ],
    },
    {
      name: 'all namespaces put the namespace after the event',
      line: 'kubectl get pods -A -l run -w --output-watch-events',
      want: [
        'EVENT      NAMESPACE   NAME   READY   STATUS    RESTARTS   AGE',
        'ADDED      default     web    1/1     Running   0          60s',
        'MODIFIED   default     web    1/1     Terminating   0          61s',
        'MODIFIED   default     web    0/1     Terminating   0          61s',
        'DELETED    default     web    0/1     Terminating   0          61s',
      ],
    },
    { name: 'names', line: 'kubectl get pods -w -o name', want: ['pod/web', 'pod/web', 'pod/web', 'pod/web'] },
    { name: 'jsonpath of the events', line: `kubectl get pods -w --output-watch-events -o jsonpath='{.type}{"\\n"}'`, want: ['ADDED', 'MODIFIED', 'MODIFIED', 'DELETED'] },
    { name: 'client-side columns', line: 'kubectl get pods -w --server-print=false', want: ['NAME   AGE', 'web    60s', 'web    61s', 'web    61s', 'web    61s'] },
  ])('$name', async ({ line, want }) => {
    const session = await newSession();
    await runLine(session, 'kubectl run web --image=nginx');
    await session.cluster.pump.advance(60_000);
    let out = '';
    const interrupt = createInterrupt();
    const running = session.run(line, { stdout: { write: (t) => (out += t) }, stderr: { write: (t) => (out += t) }, interrupt });
    await session.cluster.pump.advance(1000);
    await runLine(session, 'kubectl delete pod web');
    await session.cluster.pump.advance(1000);
    interrupt.fire();
    expect(await running).toBe(130);
    expect(out).toBe([...want, ''].join('\n'));
  });

  it.each([
    { line: 'kubectl get pod nope -w --ignore-not-found', stderr: '', code: 0 },
    { line: 'kubectl get pod nope -w', stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1 },
    { line: 'kubectl get pods,svc -w', stderr: 'error: you may only specify a single resource type\n', code: 1 },
    { line: 'kubectl get pods --output-watch-events', stderr: 'error: --output-watch-events option can only be used with --watch or --watch-only\n', code: 1 },
  ])('$line', async ({ line, stderr, code }) => {
    const session = await newSession();
    expect(await runLine(session, line)).toEqual({ stdout: '', stderr, code });
  });
});
