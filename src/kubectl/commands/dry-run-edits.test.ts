import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

// A dry run prints what would change and leaves the object alone; the verb gets kubectl's
// " (dry run)" / " (server dry run)" from PrintFlags.Complete.
const cases: { name: string; line: string; stdout: string }[] = [
  { name: 'label, client', line: 'kubectl label pod web tier=front --dry-run=client', stdout: 'pod/web labeled (dry run)\n' },
  { name: 'label, server', line: 'kubectl label pod web tier=front --dry-run=server', stdout: 'pod/web labeled (server dry run)\n' },
  { name: 'label, client, printed', line: 'kubectl label pod web tier=front --dry-run=client -o jsonpath={.metadata.labels}', stdout: '{"app":"web","tier":"front"}' },
  { name: 'annotate, client', line: 'kubectl annotate pod web note=hi --dry-run=client', stdout: 'pod/web annotated (dry run)\n' },
  { name: 'set image, client', line: 'kubectl set image pod/web web=nginx:1.27 --dry-run=client', stdout: 'pod/web image updated (dry run)\n' },
  { name: 'set image, server, printed', line: 'kubectl set image pod/web web=nginx:1.27 --dry-run=server -o jsonpath={.spec.containers[0].image}', stdout: 'nginx:1.27' },
  { name: 'patch, client', line: `kubectl patch pod web -p '{"metadata":{"labels":{"x":"y"}}}' --dry-run=client`, stdout: 'pod/web patched (dry run)\n' },
  { name: 'patch, server', line: `kubectl patch pod web -p '{"metadata":{"labels":{"x":"y"}}}' --dry-run=server`, stdout: 'pod/web patched (server dry run)\n' },
];

describe('label, annotate, set image and patch with --dry-run', () => {
  it.each(cases)('$name', async ({ line, stdout }) => {
    const session = await newSession();
    await runLine(session, 'kubectl run web --image=nginx:1.25 -l app=web');
    expect(await runLine(session, line)).toEqual({ stdout, stderr: '', code: 0 });
    const after = await runLine(session, 'kubectl get pod web -o jsonpath={.metadata.labels}{.metadata.annotations}{.spec.containers[0].image}');
    expect(after.stdout).toBe('{"app":"web"}nginx:1.25');
  });
});
