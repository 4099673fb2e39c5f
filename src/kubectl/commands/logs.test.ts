import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../session/session.ts';
import { newSession, runLine, runLineThenInterrupt } from '../../../tests/support/session.ts';

/** The init-containers lab's broken pod: the init container's command has a typo. */
const ORANGE = `apiVersion: v1
kind: Pod
metadata:
  name: orange
spec:
  containers:
  - name: orange-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox
    command: ['sh', '-c', 'sleeeep 2;']
`;

/** Writes five lines two seconds apart, next to a container that keeps running. */
const COUNTER = `apiVersion: v1
kind: Pod
metadata:
  name: counter
spec:
  restartPolicy: Never
  containers:
  - name: count
    image: busybox
    command: ['sh', '-c', 'for i in 1 2 3 4 5; do echo line $i; sleep 2; done']
  - name: other
    image: busybox
    command: ['sh', '-c', 'echo other started; sleep 3600']
`;

async function sessionWith(files: Record<string, string>, lines: string[]): Promise<Session> {
  const session = await newSession();
  for (const [name, text] of Object.entries(files)) session.fs.writeFile(`/root/${name}`, text);
  for (const line of lines) await runLine(session, line);
  return session;
}

/** Lets virtual time pass until the pod's first container waits for `reason`. */
async function waitForReason(session: Session, pod: string, reason: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const res = await session.api.request<Pod>({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: pod });
    if (res.ok && res.body.status?.containerStatuses?.[0]?.state?.waiting?.reason === reason) return;
    await runLine(session, 'sleep 0.1');
  }
  throw new Error(`${pod} never waited for ${reason}`);
}

const out = (stdout: string) => ({ stdout, stderr: '', code: 0 });
const fail = (stderr: string, code = 1) => ({ stdout: '', stderr, code });

describe('kubectl logs', () => {
  it('says what a pod whose init container fails is waiting for, and shows the init container log', async () => {
    const session = await sessionWith({ 'orange.yaml': ORANGE }, ['kubectl create -f orange.yaml', 'sleep 15']);
    const cases = [
      {
        line: 'kubectl logs orange',
        want: fail(
          'Defaulted container "orange-container" out of: orange-container, init-myservice (init)\nError from server (BadRequest): container "orange-container" in pod "orange" is waiting to start: PodInitializing\n',
        ),
      },
      { line: 'kubectl logs orange -c init-myservice', want: out('sh: sleeeep: not found\n') },
      { line: 'kubectl logs orange init-myservice', want: out('sh: sleeeep: not found\n') },
      { line: 'kubectl logs orange -c init-myservice --previous', want: out('sh: sleeeep: not found\n') },
      { line: 'kubectl logs orange -c nope', want: fail('error: container nope is not valid for pod orange\n') },
      {
        line: 'kubectl logs orange --all-containers --prefix',
        want: {
          stdout: '[pod/orange/init-myservice] sh: sleeeep: not found\n',
          stderr: 'Error from server (BadRequest): container "orange-container" in pod "orange" is waiting to start: PodInitializing\n',
          code: 1,
        },
      },
      {
        line: 'kubectl logs orange -c orange-container --all-containers',
        want: fail('error: --all-containers=true should not be specified with container name orange-container\n'),
      },
      { line: 'kubectl logs orange init-myservice -c orange-container', want: fail('error: only one of -c or an inline [CONTAINER] arg is allowed\n') },
      { line: 'kubectl logs nope', want: fail('error: error from server (NotFound): pods "nope" not found in namespace "default"\n') },
      {
        line: 'kubectl logs',
        want: fail(
          "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
        ),
      },
      {
        line: 'kubectl logs orange --since=5x',
        want: fail('Error: invalid argument "5x" for "--since" flag: time: unknown unit "x" in duration "5x"\nSee \'kubectl logs --help\' for usage.\n'),
      },
      { line: 'kubectl logs orange --tail=-2', want: fail('error: --tail must be greater than or equal to -1\n') },
      { line: 'kubectl logs orange --since=-5s', want: fail('error: --since must be greater than 0\n') },
    ];
    for (const { line, want } of cases) expect(await runLine(session, line), line).toEqual(want);
  });

  it('says a container is still being created, and that an image cannot be pulled', async () => {
    const session = await sessionWith({}, ['kubectl run web --image=busybox -- sleep 3600', 'kubectl run agent --image=agentx']);
    expect(await runLine(session, 'kubectl logs web')).toEqual(fail('Error from server (BadRequest): container "web" in pod "web" is waiting to start: ContainerCreating\n'));
    await waitForReason(session, 'agent', 'ErrImagePull');
    expect(await runLine(session, 'kubectl logs agent')).toEqual(
      fail('Error from server (BadRequest): container "agent" in pod "agent" is waiting to start: image can\'t be pulled\n'),
    );
    await waitForReason(session, 'agent', 'ImagePullBackOff');
    expect(await runLine(session, 'kubectl logs agent')).toEqual(
      fail('Error from server (BadRequest): container "agent" in pod "agent" is waiting to start: trying and failing to pull image\n'),
    );
    expect(await runLine(session, 'kubectl logs web --previous')).toEqual(fail('Error from server (BadRequest): previous terminated container "web" in pod "web" not found\n'));
  });

  it('cuts, stamps and filters what a container wrote', async () => {
    const session = await sessionWith({ 'counter.yaml': COUNTER }, ['kubectl create -f counter.yaml', 'sleep 7']);
    const cases = [
      { line: 'kubectl logs counter', want: { stdout: 'line 1\nline 2\nline 3\n', stderr: 'Defaulted container "count" out of: count, other\n', code: 0 } },
      { line: 'kubectl logs counter -c count --tail=1', want: out('line 3\n') },
      { line: 'kubectl logs counter -c count --tail=0', want: out('') },
      { line: 'kubectl logs counter -c count --since=2s', want: out('line 3\n') },
      { line: 'kubectl logs counter -c count --since=4s', want: out('line 2\nline 3\n') },
      { line: 'kubectl logs counter -c count --limit-bytes=9', want: out('line 1\nli') },
      { line: 'kubectl logs counter --all-containers', want: out('line 1\nline 2\nline 3\nother started\n') },
      { line: 'kubectl logs counter --all-containers --prefix --tail=1', want: out('[pod/counter/count] line 3\n[pod/counter/other] other started\n') },
    ];
    for (const { line, want } of cases) expect(await runLine(session, line), line).toEqual(want);
    const stamped = await runLine(session, 'kubectl logs counter -c count --timestamps --tail=2');
    expect(stamped.stdout).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z line 2\n\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z line 3\n$/);
  });

  it('follows a container until it ends', async () => {
    const session = await sessionWith({ 'counter.yaml': COUNTER }, ['kubectl create -f counter.yaml', 'sleep 3']);
    const started = session.cluster.clock.now();
    expect(await runLine(session, 'kubectl logs counter -c count -f')).toEqual(out('line 1\nline 2\nline 3\nline 4\nline 5\n'));
    expect(session.cluster.clock.now() - started).toBeGreaterThanOrEqual(7000);
  });

  it('follows a running container until Ctrl-C', async () => {
    const session = await sessionWith({ 'counter.yaml': COUNTER }, ['kubectl create -f counter.yaml', 'sleep 3']);
    expect(await runLineThenInterrupt(session, 'kubectl logs counter -c other -f', 60_000)).toEqual({ stdout: 'other started\n', stderr: '', code: 130 });
    expect(await runLineThenInterrupt(session, 'kubectl logs counter --all-containers -f --prefix --tail=1', 60_000)).toEqual({
      stdout: '[pod/counter/count] line 5\n[pod/counter/other] other started\n',
      stderr: '',
      code: 130,
    });
  });

  it('reads the first pod of a deployment and says which when there are several', async () => {
    const session = await sessionWith({}, ['kubectl create deployment web --image=busybox --replicas=2 -- sh -c "echo hello from web; sleep 3600"', 'sleep 10']);
    const result = await runLine(session, 'kubectl logs deploy/web');
    expect(result).toMatchObject({ stdout: 'hello from web\n', code: 0 });
    expect(result.stderr).toMatch(/^Found 2 pods, using pod\/web-[a-z0-9]+-[a-z0-9]{5}\n$/);
  });
});
