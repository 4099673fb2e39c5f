import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/client.ts';
import { createPodHarness } from '../../../tests/support/pod-harness.ts';

const pod = (name: string, container: Record<string, unknown>) =>
  ({ kind: 'Pod', metadata: { name }, spec: { containers: [{ name, image: 'busybox:1.28', ...container }] } }) as KubeObject;

describe('probes', () => {
  it('restarts a container whose liveness probe fails three times in a row', async () => {
    const h = await createPodHarness();
    h.apply(
      pod('liveness', {
        args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
        livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
      }),
    );
    const rows = await h.states('liveness', 90_000, { stepMs: 1000 });
    expect(rows).toEqual(['0/1 ContainerCreating 0', '1/1 Running 0', '1/1 Running 1']);
    const events = h.events('liveness');
    const unhealthy = events.find((e) => e.reason === 'Unhealthy')!;
    expect(unhealthy).toMatchObject({ type: 'Warning', fieldPath: 'spec.containers{liveness}' });
    expect(unhealthy.message).toMatch(/^Liveness probe failed: cat: .*\/tmp\/healthy.*No such file or directory$/);
    expect(unhealthy.count).toBe(3);
    expect(events.find((e) => e.reason === 'Killing')).toMatchObject({ type: 'Normal', message: 'Container liveness failed liveness probe, will be restarted' });
    // sh ignores SIGTERM as PID 1: the kill lands when the grace period ends.
    expect(h.pod('liveness')!.status!.containerStatuses![0]!.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('does not promise a restart when the restart policy is Never', async () => {
    const h = await createPodHarness();
    const never = pod('never', { args: ['/bin/sh', '-c', 'sleep 600'], livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5 } });
    (never as { spec: { restartPolicy?: string } }).spec.restartPolicy = 'Never';
    h.apply(never);
    await h.states('never', 40_000, { stepMs: 1000 });
    // kuberuntime_manager.go computePodActions appends ", will be restarted" only when it restarts.
    expect(h.events('never').find((e) => e.reason === 'Killing')?.message).toBe('Container never failed liveness probe');
  });

  it('keeps a container unready while its readiness probe fails, with the dial error', async () => {
    const h = await createPodHarness();
    h.apply(pod('unready', { command: ['sleep', '3600'], readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 5 } }));
    expect(await h.states('unready', 40_000)).toEqual(['0/1 ContainerCreating 0', '0/1 Running 0']);
    const ip = h.pod('unready')!.status!.podIP!;
    expect(h.events('unready').find((e) => e.reason === 'Unhealthy')?.message).toBe(
      `Readiness probe failed: Get "http://${ip}:8080/ready": dial tcp ${ip}:8080: connect: connection refused`,
    );
    expect(h.pod('unready')!.status!.conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
  });

  it('waits for successThreshold successes before a container is ready', async () => {
    const h = await createPodHarness();
    h.apply(pod('slow-ready', { command: ['sleep', '3600'], readinessProbe: { exec: { command: ['true'] }, periodSeconds: 10, successThreshold: 3 } }));
    await h.pump.advance(15_000);
    expect(h.row('slow-ready').slice(0, 2)).toEqual(['0/1', 'Running']);
    await h.pump.advance(20_000);
    expect(h.row('slow-ready').slice(0, 2)).toEqual(['1/1', 'Running']);
  });

  it('holds readiness and liveness until the startup probe passes, and restarts on its failure', async () => {
    const h = await createPodHarness();
    h.apply(pod('never-starts', { command: ['sleep', '3600'], startupProbe: { exec: { command: ['cat', '/started'] }, periodSeconds: 5, failureThreshold: 2 } }));
    await h.pump.advance(14_000);
    const status = h.pod('never-starts')!.status!.containerStatuses![0]!;
    expect([status.started, status.ready, Boolean(status.state?.running)]).toEqual([false, false, true]);
    expect(h.events('never-starts').find((e) => e.reason === 'Killing')?.message).toBe('Container never-starts failed startup probe, will be restarted');
  });

  it.each([
    { port: 8080, row: ['1/1', 'Running'], events: [] as string[] },
    { port: 9999, row: ['0/1', 'Running'], events: ['Warning Unhealthy Readiness probe failed: dial tcp IP:9999: connect: connection refused'] },
  ])('judges a tcpSocket readiness probe on port $port by whether the app listens there', async ({ port, row, events }) => {
    const h = await createPodHarness();
    h.apply(pod('tcp', { image: 'luksa/kubia:v1', readinessProbe: { tcpSocket: { port }, periodSeconds: 2 } }));
    await h.pump.advance(30_000);
    expect(h.row('tcp').slice(0, 2)).toEqual(row);
    const ip = h.pod('tcp')!.status!.podIP!;
    const seen = h
      .events('tcp')
      .filter((e) => e.reason === 'Unhealthy')
      .map((e) => `${e.type} ${e.reason} ${e.message!.replace(ip, 'IP')}`);
    expect(seen).toEqual(events);
  });
});
