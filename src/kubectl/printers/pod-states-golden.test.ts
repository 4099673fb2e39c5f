/**
 * Golden outputs of `get pods`, `get pods -o wide`, `describe pod` and `logs` for each pod state
 * the labs reach, one command per file in testdata/pod-states/ (first line `$ kubectl …`). Each
 * state starts a fresh session and lets virtual time run until the pod is in that state. Update
 * with `vitest -u` and read the diff in review. The same states, sampled on one served cluster, are
 * printed by the real kubectl v1.35.2 in tests/parity/corpus/pod-states.sh, which must match ours.
 */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../session/session.ts';
import { newSession, runLine } from '../../../tests/support/session.ts';

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
    imagePullPolicy: Always
    command: ['sh', '-c', 'sleeeep 2;']
`;

const PURPLE = `apiVersion: v1
kind: Pod
metadata:
  name: purple
spec:
  containers:
  - name: purple-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: warm-up-1
    image: busybox:1.28
    command: ['sh', '-c', 'sleep 600']
  - name: warm-up-2
    image: busybox:1.28
    command: ['sh', '-c', 'sleep 1200']
`;

const BLUE = `apiVersion: v1
kind: Pod
metadata:
  name: blue
spec:
  containers:
  - name: blue-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox
    imagePullPolicy: Always
    command: ['sh', '-c', 'sleep 5']
`;

const RED = `apiVersion: v1
kind: Pod
metadata:
  name: red
spec:
  containers:
  - {name: apple, image: busybox, command: ['sleep', '4500']}
  - {name: wine, image: busybox, command: ['sleep', '4500']}
  - {name: scarlet, image: busybox, command: ['sleep', '4500']}
`;

const YELLOW = `apiVersion: v1
kind: Pod
metadata:
  name: yellow
spec:
  containers:
  - {name: lemon, image: busybox}
  - {name: gold, image: redis}
`;

const APP_WITH_SIDECAR = `apiVersion: v1
kind: Pod
metadata:
  name: app
  labels:
    name: app
spec:
  containers:
  - name: app
    image: kodekloud/event-simulator
    volumeMounts:
    - {mountPath: /log, name: log-volume}
  - name: sidecar
    image: kodekloud/filebeat-configured
    volumeMounts:
    - {mountPath: /var/log/event-simulator/, name: log-volume}
  volumes:
  - name: log-volume
    hostPath: {path: /var/log/webapp, type: DirectoryOrCreate}
`;

const APP_WITH_NATIVE_SIDECAR = `apiVersion: v1
kind: Pod
metadata:
  name: app
  labels:
    name: app
spec:
  initContainers:
  - name: sidecar
    image: kodekloud/filebeat-configured
    restartPolicy: Always
    volumeMounts:
    - {mountPath: /var/log/event-simulator/, name: log-volume}
  containers:
  - name: app
    image: kodekloud/event-simulator
    volumeMounts:
    - {mountPath: /log, name: log-volume}
  volumes:
  - name: log-volume
    emptyDir: {}
`;

const WEBAPP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: webapp-config-map
data:
  APP_COLOR: darkblue
  APP_OTHER: disregard
---
apiVersion: v1
kind: Secret
metadata:
  name: db-secret
stringData:
  DB_Host: sql01
  DB_Password: password123
---
apiVersion: v1
kind: Pod
metadata:
  name: webapp
  labels:
    name: webapp
    tier: front
spec:
  nodeSelector:
    kubernetes.io/os: linux
  tolerations:
  - {key: app, operator: Equal, value: blue, effect: NoSchedule}
  containers:
  - name: webapp
    image: kodekloud/webapp-color
    ports:
    - containerPort: 8080
    - containerPort: 9090
      protocol: UDP
    env:
    - {name: APP_COLOR, valueFrom: {configMapKeyRef: {name: webapp-config-map, key: APP_COLOR}}}
    - {name: DB_Password, valueFrom: {secretKeyRef: {name: db-secret, key: DB_Password}}}
    - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
    - {name: MEMORY_LIMIT, valueFrom: {resourceFieldRef: {resource: limits.memory}}}
    - {name: GREETING, value: hello}
    envFrom:
    - configMapRef: {name: webapp-config-map}
    - secretRef: {name: db-secret}
      prefix: DB_
    resources:
      limits: {cpu: 500m, memory: 128Mi}
      requests: {cpu: '0.25', memory: 64Mi}
    livenessProbe:
      httpGet: {path: /, port: 8080}
    readinessProbe:
      tcpSocket: {port: 8080}
      periodSeconds: 5
    startupProbe:
      exec: {command: [sh, -c, 'true']}
    volumeMounts:
    - {name: config, mountPath: /etc/config, readOnly: true}
    - {name: secrets, mountPath: /etc/secrets}
    - {name: cache, mountPath: /cache}
    - {name: host-logs, mountPath: /var/log/host, subPath: webapp}
  volumes:
  - {name: config, configMap: {name: webapp-config-map}}
  - {name: secrets, secret: {secretName: db-secret, optional: true}}
  - {name: cache, emptyDir: {sizeLimit: 1Gi, medium: Memory}}
  - {name: host-logs, hostPath: {path: /var/log}}
`;

const UNSCHEDULABLE = `apiVersion: v1
kind: Pod
metadata:
  name: picky
spec:
  nodeSelector:
    disktype: ssd
    kubernetes.io/os: linux
  containers:
  - name: nginx
    image: nginx
    resources:
      requests: {cpu: 100m}
`;

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
    files: { 'red.yaml': RED },
    setup: ['kubectl create -f red.yaml'],
    pod: 'red',
    until: waitingFor('ContainerCreating', 'containerStatuses', 2),
    commands: views('red'),
  },
  {
    state: 'init-0-of-2',
    files: { 'purple.yaml': PURPLE },
    setup: ['kubectl create -f purple.yaml'],
    pod: 'purple',
    until: running('initContainerStatuses', 0),
    thenMs: 5000,
    commands: views('purple', 'kubectl logs purple', 'kubectl logs purple -c warm-up-1'),
  },
  {
    state: 'init-1-of-2',
    files: { 'purple.yaml': PURPLE },
    setup: ['kubectl create -f purple.yaml'],
    pod: 'purple',
    until: running('initContainerStatuses', 1),
    thenMs: 60_000,
    commands: views('purple'),
  },
  {
    state: 'pod-initializing',
    files: { 'blue.yaml': BLUE },
    setup: ['kubectl create -f blue.yaml'],
    pod: 'blue',
    until: (pod) => Boolean(status('initContainerStatuses', 0)(pod)?.state?.terminated) && !running('containerStatuses', 0)(pod),
    commands: views('blue'),
  },
  {
    state: 'init-completed',
    files: { 'blue.yaml': BLUE },
    setup: ['kubectl create -f blue.yaml'],
    pod: 'blue',
    until: ready,
    thenMs: 20_000,
    commands: views('blue', 'kubectl logs blue', 'kubectl logs blue -c init-myservice'),
  },
  {
    state: 'init-error',
    files: { 'orange.yaml': ORANGE },
    setup: ['kubectl create -f orange.yaml'],
    pod: 'orange',
    until: (pod) => status('initContainerStatuses', 0)(pod)?.state?.terminated?.exitCode === 127,
    commands: views('orange', 'kubectl logs orange', 'kubectl logs orange -c init-myservice'),
  },
  {
    state: 'init-crashloopbackoff',
    files: { 'orange.yaml': ORANGE },
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
    files: { 'yellow.yaml': YELLOW },
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
    files: { 'app.yaml': APP_WITH_SIDECAR },
    setup: ['kubectl create -f app.yaml'],
    pod: 'app',
    until: ready,
    thenMs: 10_000,
    commands: views('app', 'kubectl logs app --tail=3', 'kubectl logs app -c sidecar --tail=3'),
  },
  {
    state: 'native-sidecar',
    files: { 'app.yaml': APP_WITH_NATIVE_SIDECAR },
    setup: ['kubectl create -f app.yaml'],
    pod: 'app',
    until: ready,
    thenMs: 10_000,
    commands: views('app', 'kubectl logs app --tail=3'),
  },
  {
    state: 'env-volumes-probes',
    files: { 'webapp.yaml': WEBAPP },
    setup: ['kubectl create -f webapp.yaml'],
    pod: 'webapp',
    until: ready,
    thenMs: 10_000,
    commands: ['kubectl get pods -o wide', 'kubectl describe pod webapp'],
  },
  {
    state: 'unschedulable',
    files: { 'picky.yaml': UNSCHEDULABLE },
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
