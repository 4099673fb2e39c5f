/**
 * Golden outputs of `get pods`, `get pods -o wide`, `describe pod` and `logs` for each pod state
 * the labs reach, one command per file in testdata/pod-states/ (first line `$ kubectl …`). Each
 * state starts a fresh session and lets virtual time run until the pod is in that state. Update
 * with `vitest -u` and read the diff in review. The same states, sampled on one served cluster, are
 * printed by the real kubectl v1.35.2 in tests/parity/corpus/pod-states.sh, which must match ours.
 */
import { readFileSync } from 'node:fs';
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../session/session.ts';
import { newSession, runLine } from '../../../tests/support/session.ts';

/** A pod manifest from testdata/pod-state-manifests/, as the learner's file holds it. */
const manifest = (name: string) => readFileSync(new URL(`./testdata/pod-state-manifests/${name}.yaml`, import.meta.url), 'utf8');

type Check = (pod: Pod) => boolean;
const status =
  (list: 'containerStatuses' | 'initContainerStatuses', i: number) =>
  (pod: Pod): ContainerStatus | undefined =>
    pod.status?.[list]?.[i];
const waitingFor =
  (reason: string, list: 'containerStatuses' | 'initContainerStatuses' = 'containerStatuses', i = 0): Check =>
  (pod) =>
    status(list, i)(pod)?.state?.waiting?.reason === reason;
const running =
  (list: 'containerStatuses' | 'initContainerStatuses', i: number): Check =>
  (pod) =>
    Boolean(status(list, i)(pod)?.state?.running);
const ready: Check = (pod) => pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

interface PodState {
  state: string;
  files?: Record<string, string>;
  setup: string[];
  pod: string;
  until: Check;
  /** Virtual time to let pass once the pod is in the state, so ages read like a learner's. */
  thenMs?: number;
  after?: string[];
  commands: string[];
}

const views = (pod: string, ...logs: string[]) => [
  'kubectl get pods',
  'kubectl get pods -o wide',
  `kubectl describe pod ${pod}`,
  ...(logs.length ? logs : [`kubectl logs ${pod}`]),
];

const STATES: PodState[] = [
  {
    state: 'running',
    setup: ['kubectl run ubuntu-sleeper --image=ubuntu --command -- sleep 4800'],
    pod: 'ubuntu-sleeper',
    until: ready,
    thenMs: 5000,
    commands: views('ubuntu-sleeper'),
  },
  {
    state: 'container-creating',
    setup: ['kubectl run ubuntu-sleeper --image=ubuntu --command -- sleep 4800'],
    pod: 'ubuntu-sleeper',
    until: waitingFor('ContainerCreating'),
    commands: views('ubuntu-sleeper'),
  },
  {
    state: 'multi-container-creating',
    files: { 'red.yaml': manifest('red') },
    setup: ['kubectl create -f red.yaml'],
    pod: 'red',
    until: waitingFor('ContainerCreating', 'containerStatuses', 2),
    commands: views('red'),
  },
  {
    state: 'init-0-of-2',
    files: { 'purple.yaml': manifest('purple') },
    setup: ['kubectl create -f purple.yaml'],
    pod: 'purple',
    until: running('initContainerStatuses', 0),
    thenMs: 5000,
    commands: views('purple', 'kubectl logs purple', 'kubectl logs purple -c warm-up-1'),
  },
  {
    state: 'init-1-of-2',
    files: { 'purple.yaml': manifest('purple') },
    setup: ['kubectl create -f purple.yaml'],
    pod: 'purple',
    until: running('initContainerStatuses', 1),
    thenMs: 60_000,
    commands: views('purple'),
  },
  {
    state: 'pod-initializing',
    files: { 'blue.yaml': manifest('blue') },
    setup: ['kubectl create -f blue.yaml'],
    pod: 'blue',
    until: (pod) => Boolean(status('initContainerStatuses', 0)(pod)?.state?.terminated) && !running('containerStatuses', 0)(pod),
    commands: views('blue'),
  },
  {
    state: 'init-completed',
    files: { 'blue.yaml': manifest('blue') },
    setup: ['kubectl create -f blue.yaml'],
    pod: 'blue',
    until: ready,
    thenMs: 20_000,
    commands: views('blue', 'kubectl logs blue', 'kubectl logs blue -c init-myservice'),
  },
  {
    state: 'init-error',
    files: { 'orange.yaml': manifest('orange') },
    setup: ['kubectl create -f orange.yaml'],
    pod: 'orange',
    until: (pod) => status('initContainerStatuses', 0)(pod)?.state?.terminated?.exitCode === 127,
    commands: views('orange', 'kubectl logs orange', 'kubectl logs orange -c init-myservice'),
  },
  {
    state: 'init-crashloopbackoff',
    files: { 'orange.yaml': manifest('orange') },
    setup: ['kubectl create -f orange.yaml'],
    pod: 'orange',
    until: waitingFor('CrashLoopBackOff', 'initContainerStatuses'),
    thenMs: 5000,
    commands: views('orange', 'kubectl logs orange', 'kubectl logs orange -c init-myservice', 'kubectl logs orange -c init-myservice --previous'),
  },
  {
    state: 'completed',
    setup: ["kubectl run done --image=busybox --restart=Never -- sh -c 'echo all done'"],
    pod: 'done',
    until: (pod) => pod.status?.phase === 'Succeeded',
    thenMs: 5000,
    commands: views('done'),
  },
  {
    state: 'crashloopbackoff',
    files: { 'yellow.yaml': manifest('yellow') },
    setup: ['kubectl create -f yellow.yaml'],
    pod: 'yellow',
    until: waitingFor('CrashLoopBackOff'),
    commands: views('yellow', 'kubectl logs yellow', 'kubectl logs yellow -c lemon --previous'),
  },
  {
    state: 'run-container-error',
    setup: ['kubectl run ubuntu-sleeper --image=ubuntu --command -- sleeeep 2'],
    pod: 'ubuntu-sleeper',
    until: waitingFor('RunContainerError'),
    commands: views('ubuntu-sleeper'),
  },
  { state: 'err-image-pull', setup: ['kubectl run agent --image=agentx'], pod: 'agent', until: waitingFor('ErrImagePull'), commands: views('agent') },
  { state: 'image-pull-backoff', setup: ['kubectl run agent --image=agentx'], pod: 'agent', until: waitingFor('ImagePullBackOff'), thenMs: 30_000, commands: views('agent') },
  {
    state: 'terminating',
    setup: ['kubectl run ubuntu-sleeper --image=ubuntu --command -- sleep 4800'],
    pod: 'ubuntu-sleeper',
    until: ready,
    after: ['kubectl delete pod ubuntu-sleeper --wait=false', 'sleep 5'],
    commands: views('ubuntu-sleeper'),
  },
  {
    state: 'sidecar',
    files: { 'app.yaml': manifest('app-with-sidecar') },
    setup: ['kubectl create -f app.yaml'],
    pod: 'app',
    until: ready,
    thenMs: 10_000,
    commands: views('app', 'kubectl logs app --tail=3', 'kubectl logs app -c sidecar --tail=3'),
  },
  {
    state: 'native-sidecar',
    files: { 'app.yaml': manifest('app-with-native-sidecar') },
    setup: ['kubectl create -f app.yaml'],
    pod: 'app',
    until: ready,
    thenMs: 10_000,
    commands: views('app', 'kubectl logs app --tail=3'),
  },
  {
    state: 'env-volumes-probes',
    files: { 'webapp.yaml': manifest('webapp') },
    setup: ['kubectl create -f webapp.yaml'],
    pod: 'webapp',
    until: ready,
    thenMs: 10_000,
    commands: ['kubectl get pods -o wide', 'kubectl describe pod webapp'],
  },
  {
    state: 'unschedulable',
    files: { 'picky.yaml': manifest('picky') },
    setup: ['kubectl create -f picky.yaml'],
    pod: 'picky',
    until: (pod) => pod.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'False') ?? false,
    thenMs: 5000,
    commands: views('picky'),
  },
];

async function podNamed(session: Session, name: string): Promise<Pod | undefined> {
  const res = await session.api.request<Pod>({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: 'default', name });
  return res.ok ? res.body : undefined;
}

/** Moves virtual time in small steps until the pod is in the state (a learner polling `get pods`). */
async function runUntilState(session: Session, name: string, until: Check, budgetMs = 40 * 60_000): Promise<void> {
  for (let waited = 0; waited <= budgetMs; waited += 100) {
    const pod = await podNamed(session, name);
    if (pod && until(pod)) return;
    await session.cluster.pump.advance(100);
  }
  throw new Error(`pod ${name} did not reach the state in ${budgetMs} ms`);
}

const slug = (command: string) =>
  command
    .replace(/^kubectl /, '')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/-+$/, '');

describe.each(STATES)('a pod in state $state', ({ state, files, setup, pod, until, thenMs, after, commands }) => {
  it('prints as a real cluster would', async () => {
    const session = await newSession();
    for (const [file, text] of Object.entries(files ?? {})) session.fs.writeFile(`/root/${file}`, text);
    for (const line of setup) await runLine(session, line);
    await runUntilState(session, pod, until);
    if (thenMs) await session.cluster.pump.advance(thenMs);
    for (const line of after ?? []) await runLine(session, line);
    for (const command of commands) {
      const { stdout, stderr, code } = await runLine(session, command);
      await expect(`$ ${command}\n${stdout}${stderr ? `[stderr]\n${stderr}` : ''}[exit ${code}]\n`).toMatchFileSnapshot(`testdata/pod-states/${state}--${slug(command)}.txt`);
    }
  });
});
