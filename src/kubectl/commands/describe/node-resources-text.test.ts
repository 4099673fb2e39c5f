import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { writeNodeResources } from './node-resources-text.ts';
import { PrefixWriter } from './prefix-writer.ts';

const NOW = Date.UTC(2026, 10, 22, 22, 1, 0);
const node: Node = {
  metadata: { name: 'node02' },
  status: {
    allocatable: { cpu: '16', 'ephemeral-storage': '712126563583', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '65735128Ki', pods: '110' },
  },
};
const created = (secondsAgo: number) => new Date(NOW - secondsAgo * 1000).toISOString().replace('.000Z', 'Z');
const pods: Pod[] = [
  {
    metadata: { namespace: 'default', name: 'big', creationTimestamp: created(5) },
    spec: {
      initContainers: [{ name: 'init', resources: { requests: { cpu: '3' }, limits: { 'nvidia.com/gpu': '0' } } }],
      containers: [{ name: 'a', resources: { requests: { cpu: '1500m', memory: '1Gi' }, limits: { memory: '2Gi' } } }],
    },
  },
  {
    metadata: { namespace: 'default', name: 'small', creationTimestamp: created(18) },
    spec: {
      containers: [
        { name: 'a', resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } } },
        { name: 'b', resources: { requests: { cpu: '1', memory: '100M', 'ephemeral-storage': '1Gi' } } },
      ],
    },
  },
];

describe('describe node resources', () => {
  it('prints each pod share and the totals as kubectl v1.35 does', async () => {
    const w = new PrefixWriter();
    writeNodeResources(w, node, pods, NOW);
    await expect(
      `$ kubectl describe node node02   # resource sections only: cells as kubectl v1.35.2 printed them on a served cluster, columns aligned for these lines alone\n${w.toString()}`,
    ).toMatchFileSnapshot('testdata/describe-node-resources.txt');
  });
});
