import { setImmediate } from 'node:timers';
import { describe, expect, it } from 'vitest';
import { Session } from '../../session/session.ts';
import { runLine } from '../../../tests/support/session.ts';

async function sessionWithEditor(edit: (text: string) => string) {
  let session: Session | undefined;
  session = await Session.create({
    seed: 3,
    yieldToHost: () => new Promise((r) => setImmediate(r)),
    terminal: {
      editFile: async (path) => {
        session!.fs.writeFile(path, edit(session!.fs.readFile(path)));
      },
    },
  });
  await runLine(session, 'kubectl create deployment web --image=nginx:1.25');
  await runLine(session, 'kubectl run box --image=busybox --command -- sleep 3600');
  return session;
}

describe('kubectl edit', () => {
  it('applies a changed image and says edited', async () => {
    const session = await sessionWithEditor((t) => t.replace('image: nginx:1.25', 'image: nginx:1.27'));
    expect(await runLine(session, 'kubectl edit deploy web')).toEqual({ stdout: 'deployment.apps/web edited\n', stderr: '', code: 0 });
    expect((await runLine(session, 'kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].image}')).stdout).toBe('nginx:1.27');
  });

  it('cancels when nothing changed', async () => {
    const session = await sessionWithEditor((t) => t);
    expect(await runLine(session, 'kubectl edit deploy web')).toEqual({ stdout: '', stderr: 'Edit cancelled, no changes made.\n', code: 0 });
  });

  it('keeps a copy in /tmp when a pod change is forbidden', async () => {
    const session = await sessionWithEditor((t) => t.replace('- "3600"', '- "7200"'));
    const result = await runLine(session, 'kubectl edit pod box');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: pods "box" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/,
    );
    const copy = /stored to "([^"]+)"/.exec(result.stderr)![1]!;
    expect(session.fs.readFile(copy)).toContain('# * spec: Forbidden: pod updates may not change fields other than');
    const replaced = await runLine(session, `kubectl replace --force -f ${copy}`);
    expect(replaced.stdout).toBe('pod "box" deleted from default namespace\npod/box replaced\n');
  });

  it('rejects unknown flags as kubectl v1.35 does', async () => {
    const session = await sessionWithEditor((t) => t);
    expect(await runLine(session, 'kubectl edit deploy web --image=nginx')).toEqual({
      stdout: '',
      stderr: "error: unknown flag: --image\nSee 'kubectl edit --help' for usage.\n",
      code: 1,
    });
  });

  // kubectl v1.35.2 against cka-lab serve, an editor changing the image of a `create deployment` object.
  it('prints the patch it sends with --output-patch', async () => {
    const session = await sessionWithEditor((t) => t.replace('image: nginx:1.25', 'image: nginx:1.27'));
    expect(await runLine(session, 'kubectl edit deploy web --output-patch')).toEqual({
      stdout:
        'Patch: {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.27","name":"nginx"}]}}}}\ndeployment.apps/web edited\n',
      stderr: '',
      code: 0,
    });
  });

  it('writes CRLF line ends with --windows-line-endings and reads them back', async () => {
    const seen: string[] = [];
    const session = await sessionWithEditor((t) => {
      seen.push(t);
      return t.replace('image: nginx:1.25', 'image: nginx:1.27');
    });
    expect(await runLine(session, 'kubectl edit deploy web --windows-line-endings')).toEqual({ stdout: 'deployment.apps/web edited\n', stderr: '', code: 0 });
    expect(
      seen[0]!
        .split('\n')
        .slice(0, -1)
        .every((line) => line.endsWith('\r')),
    ).toBe(true);
  });

  it('sees no change in a CRLF file left as written', async () => {
    const session = await sessionWithEditor((t) => t);
    expect(await runLine(session, 'kubectl edit deploy web --windows-line-endings')).toEqual({ stdout: '', stderr: 'Edit cancelled, no changes made.\n', code: 0 });
  });
});
