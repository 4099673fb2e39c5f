import type { Job } from 'kubernetes-types/batch/v1';
import { describe, expect, it } from 'vitest';
import { createTestCluster } from '../../../../tests/support/test-cluster.ts';
import { DEFAULT_START_TIME_MS } from '../../cluster.ts';

// Cases named after pkg/controller/cronjob/cronjob_controllerv2_test.go TestControllerV2SyncCronJob
// (A/F/R: Allow, Forbid, Replace), played on a real cluster from its start time, 22:00:00Z.
const BATCH = { group: 'batch', version: 'v1' } as const;
const minute = (n: number) => `c-${Math.floor(DEFAULT_START_TIME_MS / 60_000) + n}`;

interface Case {
  name: string;
  spec: Record<string, unknown>;
  command: string[];
  advanceMs: number;
  want: { jobs: string[]; events: string[] };
}

const cases: Case[] = [
  { name: 'never ran, not time, A', spec: { schedule: '0 * * * *' }, command: ['echo', 'hi'], advanceMs: 30_000, want: { jobs: [], events: [] } },
  { name: 'never ran, is time, A', spec: { schedule: '*/1 * * * *' }, command: ['sleep', '3600'], advanceMs: 61_000, want: { jobs: [minute(1)], events: ['SuccessfulCreate'] } },
  { name: 'never ran, is time, suspended', spec: { schedule: '*/1 * * * *', suspend: true }, command: ['echo', 'hi'], advanceMs: 61_000, want: { jobs: [], events: [] } },
  {
    name: 'still active, is time, A',
    spec: { schedule: '*/1 * * * *' },
    command: ['sleep', '3600'],
    advanceMs: 121_000,
    want: { jobs: [minute(1), minute(2)], events: ['SuccessfulCreate', 'SuccessfulCreate'] },
  },
  {
    name: 'still active, is time, F',
    spec: { schedule: '*/1 * * * *', concurrencyPolicy: 'Forbid' },
    command: ['sleep', '3600'],
    advanceMs: 121_000,
    want: { jobs: [minute(1)], events: ['SuccessfulCreate', 'JobAlreadyActive'] },
  },
  {
    name: 'still active, is time, R',
    spec: { schedule: '*/1 * * * *', concurrencyPolicy: 'Replace' },
    command: ['sleep', '3600'],
    advanceMs: 121_000,
    want: { jobs: [minute(2)], events: ['SuccessfulCreate', 'SuccessfulDelete', 'SuccessfulCreate'] },
  },
  {
    name: 'prev ran but done, is time, A: keeps successfulJobsHistoryLimit jobs',
    spec: { schedule: '*/1 * * * *', successfulJobsHistoryLimit: 1 },
    command: ['echo', 'hi'],
    advanceMs: 150_000,
    want: { jobs: [minute(2)], events: ['SuccessfulCreate', 'SawCompletedJob', 'SuccessfulCreate', 'SawCompletedJob', 'SuccessfulDelete'] },
  },
];

describe('CronJobController', () => {
  it.each(cases)(
    '$name',
    async ({ spec, command, advanceMs, want }) => {
      const { server, pump } = await createTestCluster();
      const template = { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox', command }], restartPolicy: 'OnFailure' } } } };
      const body = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { ...spec, jobTemplate: template } };
      expect(server.handle({ verb: 'create', ...BATCH, resource: 'cronjobs', namespace: 'default', body }).ok).toBe(true);
      await pump.advance(advanceMs);
      const jobs = (server.handle({ verb: 'list', ...BATCH, resource: 'jobs', namespace: 'default' }).body as { items: Job[] }).items
        .filter((j) => !j.metadata?.deletionTimestamp)
        .map((j) => j.metadata!.name!);
      const events = (
        server.handle({ verb: 'list', group: '', version: 'v1', resource: 'events', namespace: 'default' }).body as {
          items: { reason: string; involvedObject: { kind: string } }[];
        }
      ).items
        .filter((e) => e.involvedObject.kind === 'CronJob')
        .map((e) => e.reason);
      expect({ jobs, events }).toEqual(want);
    },
    60_000,
  );
});
