import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createTestCluster } from '../../../../tests/support/test-cluster.ts';

// Cases named after pkg/controller/job/job_controller_test.go (TestControllerSyncJob,
// TestSyncJobPastDeadline, TestJobPodFailurePolicy, TestSyncJobWithJobSuccessPolicy), played on a
// real cluster: busybox pods run their commands, the clock moves in steps.
const BATCH = { group: 'batch', version: 'v1', resource: 'jobs' } as const;
const PODS = { group: '', version: 'v1', resource: 'pods' } as const;

interface Case {
  name: string;
  spec: Record<string, unknown>;
  command: string[];
  restartPolicy?: string;
  advanceMs: number;
  want: { conditions: string[]; reason?: string; succeeded?: number; failed?: number; active?: number; pods: number; events: string[] };
}

const cases: Case[] = [
  {
    name: 'job finish',
    spec: {},
    command: ['echo', 'hi'],
    advanceMs: 20_000,
    want: { conditions: ['SuccessCriteriaMet', 'Complete'], reason: 'CompletionsReached', succeeded: 1, pods: 1, events: ['SuccessfulCreate', 'Completed'] },
  },
  {
    name: 'job start',
    spec: { completions: 5, parallelism: 2 },
    command: ['sleep', '3600'],
    advanceMs: 5_000,
    want: { conditions: [], active: 2, pods: 2, events: ['SuccessfulCreate', 'SuccessfulCreate'] },
  },
  {
    name: 'more active pods than remaining completions',
    spec: { completions: 3, parallelism: 5 },
    command: ['echo', 'done'],
    advanceMs: 30_000,
    want: {
      conditions: ['SuccessCriteriaMet', 'Complete'],
      reason: 'CompletionsReached',
      succeeded: 3,
      pods: 3,
      events: ['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate', 'Completed'],
    },
  },
  {
    name: 'WQ job all finished',
    spec: { parallelism: 2 },
    command: ['echo', 'done'],
    advanceMs: 30_000,
    want: { conditions: ['SuccessCriteriaMet', 'Complete'], reason: 'CompletionsReached', succeeded: 2, pods: 2, events: ['SuccessfulCreate', 'SuccessfulCreate', 'Completed'] },
  },
  {
    name: 'too many job failures',
    spec: { backoffLimit: 0 },
    command: ['sh', '-c', 'exit 1'],
    advanceMs: 30_000,
    want: { conditions: ['FailureTarget', 'Failed'], reason: 'BackoffLimitExceeded', failed: 1, pods: 1, events: ['SuccessfulCreate', 'BackoffLimitExceeded'] },
  },
  {
    name: 'failed pods are replaced after the back-off delay',
    spec: { backoffLimit: 1 },
    command: ['sh', '-c', 'exit 1'],
    advanceMs: 120_000,
    want: { conditions: ['FailureTarget', 'Failed'], reason: 'BackoffLimitExceeded', failed: 2, pods: 2, events: ['SuccessfulCreate', 'SuccessfulCreate', 'BackoffLimitExceeded'] },
  },
  {
    name: 'activeDeadlineSeconds less than single pod execution',
    spec: { activeDeadlineSeconds: 10 },
    command: ['sleep', '3600'],
    advanceMs: 60_000,
    want: { conditions: ['FailureTarget', 'Failed'], reason: 'DeadlineExceeded', pods: 0, events: ['SuccessfulCreate', 'SuccessfulDelete', 'DeadlineExceeded'] },
  },
  {
    name: 'fail job with FailJob rule on exit code',
    spec: { backoffLimit: 6, podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] } },
    command: ['sh', '-c', 'exit 42'],
    advanceMs: 30_000,
    want: { conditions: ['FailureTarget', 'Failed'], reason: 'PodFailurePolicy', failed: 1, pods: 1, events: ['SuccessfulCreate', 'PodFailurePolicy'] },
  },
  {
    name: 'suspending a job with satisfied expectations',
    spec: { suspend: true },
    command: ['sleep', '3600'],
    advanceMs: 5_000,
    want: { conditions: ['Suspended'], pods: 0, events: ['Suspended'] },
  },
];

describe('JobController', () => {
  it.each(cases)(
    '$name',
    async ({ spec, command, restartPolicy, advanceMs, want }) => {
      const { server, pump } = await createTestCluster();
      const body = {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'j' },
        spec: { ...spec, template: { spec: { containers: [{ name: 'c', image: 'busybox', command }], restartPolicy: restartPolicy ?? 'Never' } } },
      };
      expect(server.handle({ verb: 'create', ...BATCH, namespace: 'default', body }).ok).toBe(true);
      await pump.advance(advanceMs);
      const job = (server.handle({ verb: 'get', ...BATCH, namespace: 'default', name: 'j' }).body as Job) ?? {};
      const pods = (server.handle({ verb: 'list', ...PODS, namespace: 'default' }).body as { items: Pod[] }).items.filter((p) => !p.metadata?.deletionTimestamp);
      const events = (
        server.handle({ verb: 'list', group: '', version: 'v1', resource: 'events', namespace: 'default' }).body as {
          items: { reason: string; involvedObject: { kind: string }; firstTimestamp: string }[];
        }
      ).items
        .filter((e) => e.involvedObject.kind === 'Job')
        .map((e) => e.reason);
      const conditions = (job.status?.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type);
      expect({
        conditions,
        ...(want.reason ? { reason: job.status?.conditions?.[0]?.reason } : {}),
        ...(want.succeeded !== undefined ? { succeeded: job.status?.succeeded } : {}),
        ...(want.failed !== undefined ? { failed: job.status?.failed } : {}),
        ...(want.active !== undefined ? { active: job.status?.active } : {}),
        pods: pods.length,
        events,
      }).toEqual(want);
    },
    60_000,
  );

  it('deletes a finished job after ttlSecondsAfterFinished', async () => {
    const { server, pump } = await createTestCluster();
    const body = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'ttl' },
      spec: { ttlSecondsAfterFinished: 30, template: { spec: { containers: [{ name: 'c', image: 'busybox', command: ['echo', 'hi'] }], restartPolicy: 'Never' } } },
    };
    server.handle({ verb: 'create', ...BATCH, namespace: 'default', body });
    await pump.advance(10_000);
    expect(server.handle({ verb: 'get', ...BATCH, namespace: 'default', name: 'ttl' }).ok).toBe(true);
    await pump.advance(40_000);
    expect(server.handle({ verb: 'get', ...BATCH, namespace: 'default', name: 'ttl' }).code).toBe(404);
  }, 60_000);
});
