import { setImmediate } from 'node:timers';
import { describe, expect, it } from 'vitest';
import { Session } from '../../session/session.ts';
import { runLine } from '../../../tests/support/session.ts';

const MANIFEST = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ce\ndata:\n  color: blue\n';

/** A session whose editor records what it was shown and saves `edit` of it. */
async function sessionWithEditor(edit: (text: string) => string) {
  const seen: string[] = [];
  let session: Session | undefined;
  session = await Session.create({
    seed: 3,
    yieldToHost: () => new Promise((r) => setImmediate(r)),
    terminal: {
      editFile: async (path) => {
        const text = session!.fs.readFile(path);
        seen.push(text);
        session!.fs.writeFile(path, edit(text));
      },
    },
  });
  session.fs.writeFile(`${session.shell.cwd}/ce.yaml`, MANIFEST);
  return { session, seen };
}

// Expected outputs are what kubectl v1.35.2 printed with KUBE_EDITOR set to a script doing the same.
describe('kubectl create --edit', () => {
  it.each([
    {
      name: 'creates the object as saved',
      edit: (t: string) => t.replace('blue', 'red'),
      line: 'kubectl create -f ce.yaml --edit',
      result: { stdout: 'configmap/ce created\n', stderr: '', code: 0 },
      data: '{"color":"red"}',
    },
    {
      name: 'cancels when nothing changed',
      edit: (t: string) => t,
      line: 'kubectl create -f ce.yaml --edit',
      result: { stdout: '', stderr: 'Edit cancelled, no changes made.\n', code: 0 },
      data: '',
    },
    {
      name: 'refuses a format the editor cannot show',
      edit: (t: string) => t,
      line: 'kubectl create -f ce.yaml --edit -o name',
      result: { stdout: '', stderr: 'error: unable to match a printer suitable for the output format "name", allowed formats are: json,kyaml,yaml\n', code: 1 },
      data: '',
    },
  ])('$name', async ({ edit, line, result, data }) => {
    const { session } = await sessionWithEditor(edit);
    expect(await runLine(session, line)).toEqual(result);
    expect((await runLine(session, "kubectl get cm ce -o jsonpath='{.data}'")).stdout).toBe(data);
  });

  it('shows the object with its namespace under the edit header', async () => {
    const { session, seen } = await sessionWithEditor((t) => t);
    await runLine(session, 'kubectl create -f ce.yaml --edit');
    expect(seen).toEqual([
      "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
        '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
        '# reopened with the relevant failures.\n' +
        '#\n' +
        'apiVersion: v1\ndata:\n  color: blue\nkind: ConfigMap\nmetadata:\n  name: ce\n  namespace: default\n',
    ]);
  });
});
