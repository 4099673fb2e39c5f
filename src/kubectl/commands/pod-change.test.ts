/**
 * The ways a learner changes a pod (catalogue §0.2, §4.4): create with a bad manifest, apply a
 * change, edit a forbidden field then replace --force the saved copy, delete and force-delete.
 */
import { setImmediate } from 'node:timers';
import { describe, expect, it } from 'vitest';
import { Session } from '../../session/session.ts';
import { runLine, runLineThenInterrupt } from '../../../tests/support/session.ts';

const SLEEPER_3 = `apiVersion: v1
kind: Pod
metadata:
  name: ubuntu-sleeper-3
spec:
  containers:
  - name: ubuntu
    image: ubuntu
    command:
      - "sleep"
      - 1200
`;

const FORBIDDEN =
  'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** A session whose editor applies the queued edits in turn (and leaves the file alone after). */
async function sessionWithEditor() {
  const edits: ((text: string) => string)[] = [];
  const opened: string[] = [];
  let session: Session | undefined;
  session = await Session.create({
    seed: 3,
    yieldToHost: () => new Promise((r) => setImmediate(r)),
    terminal: {
      editFile: async (path) => {
        const text = session!.fs.readFile(path);
        opened.push(text);
        session!.fs.writeFile(path, (edits.shift() ?? ((t) => t))(text));
      },
    },
  });
  session.fs.writeFile('/root/ubuntu-sleeper-3.yaml', SLEEPER_3);
  return { session, edits, opened };
}

/** The projected token volume's name is random: compare outputs without it. */
const anonymous = (text: string) => text.replace(/kube-api-access-[a-z0-9]{5}/g, 'kube-api-access-xxxxx');

describe('changing a pod', () => {
  it('refuses a number in command, then a changed command on apply, with the warning and the diff', async () => {
    const { session } = await sessionWithEditor();
    expect(await runLine(session, 'kubectl create -f ubuntu-sleeper-3.yaml')).toEqual({
      stdout: '',
      stderr:
        'Error from server (BadRequest): error when creating "ubuntu-sleeper-3.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.command of type string\n',
      code: 1,
    });
    await runLine(session, `sed -i 's/- 1200/- "1200"/' ubuntu-sleeper-3.yaml`);
    expect((await runLine(session, 'kubectl create -f ubuntu-sleeper-3.yaml')).stdout).toBe('pod/ubuntu-sleeper-3 created\n');
    await runLine(session, `sed -i 's/1200/2000/' ubuntu-sleeper-3.yaml`);
    const applied = await runLine(session, 'kubectl apply -f ubuntu-sleeper-3.yaml');
    expect(applied.code).toBe(1);
    expect(anonymous(applied.stderr)).toBe(
      `Warning: resource pods/ubuntu-sleeper-3 is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.
The Pod "ubuntu-sleeper-3" is invalid: ${FORBIDDEN}
  core.PodSpec{
  	Volumes:        {{Name: "kube-api-access-xxxxx", VolumeSource: {Projected: &{Sources: {{ServiceAccountToken: &{ExpirationSeconds: 3607, Path: "token"}}, {ConfigMap: &{LocalObjectReference: {Name: "kube-root-ca.crt"}, Items: {{Key: "ca.crt", Path: "ca.crt"}}}}, {DownwardAPI: &{Items: {{Path: "namespace", FieldRef: &{APIVersion: "v1", FieldPath: "metadata.namespace"}}}}}}, DefaultMode: &420}}}},
  	InitContainers: nil,
  	Containers: []core.Container{
  		{
  			Name:  "ubuntu",
  			Image: "ubuntu",
  			Command: []string{
  				"sleep",
- 				"1200",
+ 				"2000",
  			},
  			Args:       nil,
  			WorkingDir: "",
  			... // 19 identical fields
  		},
  	},
  	EphemeralContainers: nil,
  	RestartPolicy:       "Always",
  	... // 29 identical fields
  }

`,
    );
  });

  it('reopens the editor on a forbidden change, keeps a copy, and replace --force recreates the pod', async () => {
    const { session, edits, opened } = await sessionWithEditor();
    await runLine(session, 'kubectl run ubuntu-sleeper --image=ubuntu --command -- sleep 4800');
    await runLine(session, 'sleep 10');
    edits.push((t) => t.replace('- "4800"', '- "5000"'));
    const edited = await runLine(session, 'kubectl edit pod ubuntu-sleeper');
    const copy = /stored to "(\/tmp\/kubectl-edit-\d+\.yaml)"/.exec(edited.stderr)?.[1];
    expect(edited).toEqual({
      stdout: '',
      stderr: `error: pods "ubuntu-sleeper" is invalid\nA copy of your changes has been stored to "${copy}"\nerror: Edit cancelled, no valid changes were saved.\n`,
      code: 1,
    });
    expect(opened).toHaveLength(2);
    expect(opened[0]!.startsWith(`${HEADER}apiVersion: v1\n`)).toBe(true);
    const reopened = anonymous(opened[1]!);
    expect(reopened.startsWith(`${HEADER}# pods "ubuntu-sleeper" was not valid:\n# * ${FORBIDDEN}\n#   core.PodSpec{\n#   \tVolumes: `)).toBe(true);
    expect(reopened).toContain('\n# - \t\t\t\t"4800",\n# + \t\t\t\t"5000",\n');
    expect(reopened).toContain('\n#   }\n\n#\n');
    expect(session.fs.readFile(copy!)).toBe(opened[1]);

    const before = session.cluster.clock.now();
    expect(await runLine(session, `kubectl replace --force -f ${copy}`)).toEqual({
      stdout: 'pod "ubuntu-sleeper" deleted from default namespace\npod/ubuntu-sleeper replaced\n',
      stderr: '',
      code: 0,
    });
    // `sleep` as PID 1 ignores SIGTERM: the old pod goes only when the 30 s grace period ends.
    expect(session.cluster.clock.now() - before).toBeGreaterThanOrEqual(30_000);
    expect((await runLine(session, 'kubectl get pod ubuntu-sleeper -o jsonpath={.spec.containers[0].command}')).stdout).toBe('["sleep","5000"]');
  });

  it.each([
    {
      name: 'adding a container',
      edit: (t: string) => t.replace('  dnsPolicy:', '  - name: extra\n    image: busybox\n  dnsPolicy:'),
      cause: 'spec.containers: Forbidden: pod updates may not add or remove containers',
    },
    {
      name: 'adding an init container',
      edit: (t: string) => t.replace('  containers:', '  initContainers:\n  - name: init\n    image: busybox\n    command: ["sleep", "20"]\n  containers:'),
      cause: 'spec.initContainers: Forbidden: pod updates may not add or remove containers',
    },
    { name: 'adding env', edit: (t: string) => t.replace('    name: ubuntu-sleeper', '    name: ubuntu-sleeper\n    env:\n    - name: A\n      value: b'), cause: FORBIDDEN },
  ])('names the forbidden field when $name', async ({ edit, cause }) => {
    const { session, edits, opened } = await sessionWithEditor();
    await runLine(session, 'kubectl run ubuntu-sleeper --image=ubuntu --command -- sleep 4800');
    edits.push(edit);
    expect((await runLine(session, 'kubectl edit pod ubuntu-sleeper')).stderr).toMatch(
      /^error: pods "ubuntu-sleeper" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/,
    );
    expect(opened[1]!.startsWith(`${HEADER}# pods "ubuntu-sleeper" was not valid:\n# * ${cause}\n`)).toBe(true);
  });

  it('waits for graceful termination on delete, and warns when forced', async () => {
    const { session } = await sessionWithEditor();
    await runLine(session, 'kubectl run ubuntu-sleeper --image=ubuntu --command -- sleep 4800');
    await runLine(session, 'sleep 10');
    const before = session.cluster.clock.now();
    expect(await runLine(session, 'kubectl delete pod ubuntu-sleeper')).toEqual({ stdout: 'pod "ubuntu-sleeper" deleted from default namespace\n', stderr: '', code: 0 });
    expect(session.cluster.clock.now() - before).toBeGreaterThanOrEqual(30_000);
    await runLine(session, 'kubectl run ubuntu-sleeper --image=ubuntu --command -- sleep 4800');
    await runLine(session, 'sleep 10');
    const cases = [
      {
        line: 'kubectl delete pod ubuntu-sleeper --force --grace-period=5',
        want: { stdout: '', stderr: 'error: --force and --grace-period greater than 0 cannot be specified together\n', code: 1 },
      },
      { line: 'kubectl delete pod ubuntu-sleeper --now --grace-period=5', want: { stdout: '', stderr: 'error: --now and --grace-period cannot be specified together\n', code: 1 } },
      {
        line: 'kubectl delete pod ubuntu-sleeper --force --grace-period=0',
        want: {
          stdout: 'pod "ubuntu-sleeper" force deleted from default namespace\n',
          stderr:
            'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
          code: 0,
        },
      },
      { line: 'kubectl get pods', want: { stdout: '', stderr: 'No resources found in default namespace.\n', code: 0 } },
    ];
    for (const { line, want } of cases) expect(await runLine(session, line), line).toEqual(want);
  });

  it('stops waiting for the deletion on Ctrl-C, while the pod still terminates', async () => {
    const { session } = await sessionWithEditor();
    await runLine(session, 'kubectl run ubuntu-sleeper --image=ubuntu --command -- sleep 4800');
    await runLine(session, 'sleep 10');
    expect(await runLineThenInterrupt(session, 'kubectl delete pod ubuntu-sleeper', 5000)).toEqual({
      stdout: 'pod "ubuntu-sleeper" deleted from default namespace\n',
      stderr: '',
      code: 130,
    });
    expect((await runLine(session, 'kubectl get pods --no-headers')).stdout).toMatch(/^ubuntu-sleeper\s+1\/1\s+Terminating\s/);
  });
});
