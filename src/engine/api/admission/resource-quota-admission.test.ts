import { describe, expect, it } from 'vitest';
import type { ApiServer } from '../api-server.ts';
import { create, newAdmissionServer, outcome, pod } from './testing/admission-server.ts';

/** A quota as the quota controller leaves it: status.hard copied, status.used counted. */
function quota(server: ApiServer, name: string, hard: Record<string, string>, used: Record<string, string>, spec: Record<string, unknown> = {}): void {
  expect(outcome(create(server, '', 'resourcequotas', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name }, spec: { hard, ...spec } }))).toBe('created');
  const stored = server.handle({ verb: 'get', group: '', version: 'v1', resource: 'resourcequotas', namespace: 'default', name }).body as Record<string, unknown>;
  server.handle({
    verb: 'update',
    group: '',
    version: 'v1',
    resource: 'resourcequotas',
    namespace: 'default',
    name,
    subresource: 'status',
    body: { ...stored, status: { hard, used } },
  });
}

const usedOf = (server: ApiServer, name: string) =>
  (server.handle({ verb: 'get', group: '', version: 'v1', resource: 'resourcequotas', namespace: 'default', name }).body as { status: { used: Record<string, string> } }).status
    .used;

const compute = (cpu: string, memory: string) => ({ requests: { cpu, memory }, limits: { cpu, memory } });

// Case names from plugin/pkg/admission/resourcequota/admission_test.go.
describe('ResourceQuota admission', () => {
  it('TestAdmitBelowQuotaLimit: charges the pod to status.used', () => {
    const server = newAdmissionServer();
    quota(server, 'quota', { cpu: '3', memory: '100Gi', pods: '5' }, { cpu: '1', memory: '50Gi', pods: '3' });
    expect(outcome(create(server, '', 'pods', pod('p', compute('100m', '2Gi'))))).toBe('created');
    expect(usedOf(server, 'quota')).toEqual({ cpu: '1100m', memory: '52Gi', pods: '4' });
  });

  const refusals: { name: string; hard: Record<string, string>; used: Record<string, string>; resources?: Record<string, Record<string, string>>; answer: string }[] = [
    {
      name: 'TestAdmitExceedQuotaLimit',
      hard: { cpu: '3', memory: '100Gi', pods: '5' },
      used: { cpu: '1', memory: '50Gi', pods: '3' },
      resources: compute('3', '2Gi'),
      answer: 'pods "p" is forbidden: exceeded quota: quota, requested: cpu=3, used: cpu=1, limited: cpu=3',
    },
    {
      name: 'TestAdmitEnforceQuotaConstraints',
      hard: { cpu: '3', memory: '100Gi', 'limits.memory': '200Gi', pods: '5' },
      used: { cpu: '1', memory: '50Gi', 'limits.memory': '100Gi', pods: '3' },
      resources: { requests: { cpu: '100m', memory: '1Gi' } },
      answer: 'pods "p" is forbidden: failed quota: quota: must specify limits.memory for: p',
    },
    {
      name: 'pod count at the limit',
      hard: { pods: '3' },
      used: { pods: '3' },
      answer: 'pods "p" is forbidden: exceeded quota: quota, requested: pods=1, used: pods=3, limited: pods=3',
    },
    {
      name: 'a quota on cpu and memory requests refuses a container without them',
      hard: { 'requests.cpu': '1', 'requests.memory': '1Gi' },
      used: { 'requests.cpu': '0', 'requests.memory': '0' },
      answer: 'pods "p" is forbidden: failed quota: quota: must specify requests.cpu for: p; requests.memory for: p',
    },
    {
      name: 'TestAdmitBelowQuotaLimitWithoutStatus: a quota the controller has not counted yet',
      hard: { pods: '3' },
      used: {},
      answer: 'pods "p" is forbidden: status unknown for quota: quota, resources: pods',
    },
  ];
  it.each(refusals)('$name', ({ hard, used, resources, answer }) => {
    const server = newAdmissionServer();
    quota(server, 'quota', hard, used);
    expect(outcome(create(server, '', 'pods', pod('p', resources)))).toBe(answer);
  });

  it('TestAdmitBelowBestEffortQuotaLimit: a BestEffort quota ignores pods with requests', () => {
    const server = newAdmissionServer();
    quota(server, 'quota', { pods: '1' }, { pods: '1' }, { scopes: ['BestEffort'] });
    expect(outcome(create(server, '', 'pods', pod('burstable', compute('100m', '1Gi'))))).toBe('created');
    expect(outcome(create(server, '', 'pods', pod('besteffort')))).toBe('pods "besteffort" is forbidden: exceeded quota: quota, requested: pods=1, used: pods=1, limited: pods=1');
  });

  it('counts objects of any kind with count/<resource>.<group>', () => {
    const server = newAdmissionServer();
    quota(server, 'objects', { 'count/deployments.apps': '0', configmaps: '1' }, { 'count/deployments.apps': '0', configmaps: '0' });
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    };
    expect(outcome(create(server, 'apps', 'deployments', deployment))).toBe(
      'deployments.apps "web" is forbidden: exceeded quota: objects, requested: count/deployments.apps=1, used: count/deployments.apps=0, limited: count/deployments.apps=0',
    );
    expect(outcome(create(server, '', 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }))).toBe('created');
    expect(outcome(create(server, '', 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } }))).toBe(
      'configmaps "b" is forbidden: exceeded quota: objects, requested: configmaps=1, used: configmaps=1, limited: configmaps=1',
    );
  });
});
