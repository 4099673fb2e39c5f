/**
 * Property: during a rolling update the controller never runs more than replicas + maxSurge pods
 * and never has fewer than replicas − maxUnavailable available, and the rollout always completes.
 */
import fc from 'fast-check';
import { setImmediate } from 'node:timers';
import { describe, expect, it } from 'vitest';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { core, SharedInformerFactory } from '../../client/informer-factory.ts';
import { Cluster } from '../../cluster.ts';
import { FakeToolRunner } from '../../testing/fake-tool-runner.ts';
import { resolveFenceposts } from './deployment-util.ts';

const nodeYield = () => new Promise<void>((resolve) => setImmediate(resolve));

const fencepost = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('0%', '10%', '25%', '50%', '100%'));

describe('rolling update bounds', () => {
  it('keeps pods within replicas+maxSurge and availability above replicas-maxUnavailable', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          replicas: fc.integer({ min: 1, max: 8 }),
          maxSurge: fencepost,
          maxUnavailable: fencepost,
          minReadySeconds: fc.integer({ min: 0, max: 20 }),
          seed: fc.integer({ min: 1, max: 1000 }),
        }),
        async ({ replicas, maxSurge, maxUnavailable, minReadySeconds, seed }) => {
          const surgeZero = maxSurge === 0 || maxSurge === '0%';
          const unavailableZero = maxUnavailable === 0 || maxUnavailable === '0%';
          if (surgeZero && unavailableZero) return;
          const cluster = await Cluster.create({ seed, yieldToHost: nodeYield, toolRunner: new FakeToolRunner() });
          const body = {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'web' },
            spec: {
              replicas,
              minReadySeconds,
              selector: { matchLabels: { app: 'web' } },
              strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } },
              template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'kodekloud/webapp-color:v1' }] } },
            },
          };
          const created = cluster.server.handle({ verb: 'create', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', body });
          expect(created.ok).toBe(true);
          await cluster.pump.advance(120_000);
          const bounds = resolveFenceposts(created.body as Deployment);
          const violations: string[] = [];
          // The test's own informers: each check reads a cache that already holds the change.
          const informers = new SharedInformerFactory(cluster.server);
          const pods = informers.informerFor<Pod>(core('pods'));
          const checkPods = () => {
            const running = pods.lister.list('default').filter((p) => !p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
            if (running.length > replicas + bounds.maxSurge) violations.push(`${running.length} pods > ${replicas}+${bounds.maxSurge}`);
          };
          pods.addEventHandler({ onAdd: checkPods, onUpdate: checkPods, onDelete: checkPods });
          const checkDeployment = (d: Deployment) => {
            // The informer sees every namespace: kube-system's coredns is not the Deployment under test.
            if (d.metadata?.name !== 'web') return;
            const available = d.status?.availableReplicas ?? 0;
            const minAvailable = replicas - Math.min(bounds.maxUnavailable, replicas);
            if (available < minAvailable) violations.push(`${available} available < ${minAvailable}`);
          };
          informers
            .informerFor<Deployment>({ group: 'apps', version: 'v1', resource: 'deployments' })
            .addEventHandler({ onAdd: checkDeployment, onUpdate: (_old, d) => checkDeployment(d), onDelete: checkDeployment });
          cluster.server.handle({
            verb: 'patch',
            group: 'apps',
            version: 'v1',
            resource: 'deployments',
            namespace: 'default',
            name: 'web',
            patchType: 'application/strategic-merge-patch+json',
            body: { spec: { template: { spec: { containers: [{ name: 'app', image: 'kodekloud/webapp-color:v2' }] } } } },
          });
          await cluster.pump.advance(30 * 60_000);
          const d = cluster.server.handle({ verb: 'get', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', name: 'web' }).body as Deployment;
          expect(violations).toEqual([]);
          expect([d.status?.updatedReplicas, d.status?.availableReplicas, d.status?.replicas]).toEqual([replicas, replicas, replicas]);
        },
      ),
      { numRuns: 25, seed: 42 },
    );
  }, 120_000);
});
