import { beforeAll, describe, expect, it } from 'vitest';
import { createTestCluster } from '../../../tests/support/test-cluster.ts';
import { MemoryFileSystem } from '../../shell/fs/memory-file-system.ts';
import { ObjectReader } from '../object-reader.ts';
import type { Check } from '../schema.ts';
import { createManifests } from '../setup-lab.ts';
import type { CheckContext } from './check-context.ts';
import { runCheck } from './run-check.ts';

const OBJECTS = `apiVersion: apps/v1
kind: Deployment
metadata: { name: frontend, labels: { app: frontend } }
spec:
  replicas: 2
  selector: { matchLabels: { app: frontend } }
  template:
    metadata: { labels: { app: frontend } }
    spec: { containers: [{ name: web, image: "nginx:1.16" }] }
---
apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec: { containers: [{ name: c, image: busybox, command: [sleep, "3600"] }] }
`;

const deploy = { resource: 'deployments', name: 'frontend' };
const image = '{.spec.template.spec.containers[0].image}';

// What a learner reads when a Check fails: what was found, then what was expected, in words.
const cases: { name: string; check: Check; why: string }[] = [
  { name: 'jsonpath equals', check: { kind: 'jsonpath', ...deploy, path: image, equals: 'nginx:1.17' }, why: 'deployment frontend has image nginx:1.16; expected nginx:1.17' },
  {
    name: 'jsonpath through a container picked by name',
    check: { kind: 'jsonpath', resource: 'deploy', name: 'frontend', path: '{.spec.template.spec.containers[?(@.name=="web")].image}', equals: 'nginx:1.17' },
    why: 'deployment frontend (container web) has image nginx:1.16; expected nginx:1.17',
  },
  { name: 'jsonpath on a count of replicas', check: { kind: 'jsonpath', ...deploy, path: '{.spec.replicas}', equals: '4' }, why: 'deployment frontend has 2 replicas; expected 4' },
  {
    name: 'jsonpath on a field that is not set',
    check: { kind: 'jsonpath', ...deploy, path: '{.spec.template.spec.containers[0].readinessProbe.httpGet.path}', equals: '/ready' },
    why: 'deployment frontend has no readiness probe path; expected /ready',
  },
  {
    name: 'jsonpath notEquals',
    check: { kind: 'jsonpath', ...deploy, path: '{.spec.strategy.type}', notEquals: 'RollingUpdate' },
    why: 'deployment frontend has strategy RollingUpdate; expected anything but RollingUpdate',
  },
  {
    name: 'jsonpath in',
    check: { kind: 'jsonpath', ...deploy, path: '{.metadata.labels.app}', in: ['web', 'api'] },
    why: 'deployment frontend has label app frontend; expected one of web, api',
  },
  {
    name: 'jsonpath matches',
    check: { kind: 'jsonpath', ...deploy, path: image, matches: '^redis' },
    why: 'deployment frontend has image nginx:1.16; expected a value matching /^redis/',
  },
  {
    name: 'jsonpath absent',
    check: { kind: 'jsonpath', ...deploy, path: '{.spec.strategy.rollingUpdate}', absent: true },
    why: 'deployment frontend has rolling update settings {"maxUnavailable":"25%","maxSurge":"25%"}; expected no rolling update settings',
  },
  {
    name: 'jsonpath on a missing object',
    check: { kind: 'jsonpath', resource: 'deployments', name: 'backend', path: image, equals: 'x' },
    why: 'found no deployment backend; expected it to exist',
  },
  {
    name: 'jsonpath with the lab’s own message',
    check: { kind: 'jsonpath', ...deploy, path: '{.spec.replicas}', equals: '5', message: 'frontend has {found} replicas; scale it to 5' },
    why: 'frontend has 2 replicas; scale it to 5',
  },
  { name: 'exists by name', check: { kind: 'exists', resource: 'configmaps', name: 'db-config' }, why: 'found no configmap db-config; expected it to exist' },
  { name: 'exists by selector', check: { kind: 'exists', resource: 'pods', labelSelector: 'app=api' }, why: 'found no pods matching app=api; expected at least one' },
  { name: 'absent by name', check: { kind: 'absent', resource: 'po', name: 'web' }, why: 'pod web still exists; expected it to be deleted' },
  { name: 'absent by selector', check: { kind: 'absent', resource: 'pods', labelSelector: 'app=web' }, why: 'found pods matching app=web (web); expected no pod left' },
  { name: 'count exactly', check: { kind: 'count', resource: 'pods', labelSelector: 'app=web', equals: 3 }, why: 'found 1 pod matching app=web; expected exactly 3' },
  { name: 'count within bounds', check: { kind: 'count', resource: 'deployments', min: 2, max: 4 }, why: 'found 1 deployment; expected at least 2 and at most 4' },
  { name: 'podReady by name', check: { kind: 'podReady', resource: 'pods', name: 'web' }, why: 'pod web is not ready (Pending); expected it to be Running and Ready' },
  { name: 'podReady with no pod', check: { kind: 'podReady', resource: 'pods', labelSelector: 'app=api' }, why: 'found no pods matching app=api; expected at least one' },
  {
    name: 'rolloutComplete',
    check: { kind: 'rolloutComplete', ...deploy },
    why: 'deployment frontend has a change the controller has not seen yet; expected its rollout to be complete',
  },
  {
    name: 'sameAs',
    check: { kind: 'sameAs', ...deploy, path: '{.metadata.name}', capture: 'before' },
    why: 'deployment frontend has name frontend; expected web, as it was earlier',
  },
  { name: 'fileContains on a missing file', check: { kind: 'fileContains', path: '/root/pod.yaml', text: 'image' }, why: 'found no file /root/pod.yaml; expected it to exist' },
  {
    name: 'fileContains text',
    check: { kind: 'fileContains', path: '/root/notes.txt', text: 'nginx:1.17' },
    why: 'file /root/notes.txt does not contain "nginx:1.17"; expected it to',
  },
  {
    name: 'fileContains pattern',
    check: { kind: 'fileContains', path: '/root/notes.txt', pattern: '^image:' },
    why: 'file /root/notes.txt has no line matching /^image:/; expected one',
  },
];

describe('the sentence a failed check says', () => {
  let ctx: CheckContext;
  beforeAll(async () => {
    const { api } = await createTestCluster();
    const errors = await createManifests([{ name: 'objects.yaml', text: OBJECTS }], api);
    if (errors.length > 0) throw new Error(errors.join('\n'));
    const fs = new MemoryFileSystem();
    fs.mkdir('/root', { recursive: true });
    fs.writeFile('/root/notes.txt', 'the image is nginx:1.16\n');
    ctx = { reader: new ObjectReader(api), fs, captures: { before: 'web' } };
  });

  it.each(cases)('$name', async ({ check, why }) => {
    expect(await runCheck(check, ctx)).toEqual({ ok: false, why });
  });
});
