import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';
import { createInterrupt } from '../shell/shell.ts';
import { QUIET_MS, fastForwardUntilSettled, pendingWork } from './pending-work.ts';

const TEN_MINUTES_MS = 10 * 60 * 1000;
const ONE_MINUTE_MS = 60 * 1000;

describe('fast-forward until settled', () => {
  it('finishes a rolling update and stops once the old pods are gone', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl create deployment web --image=nginx:1.26 --replicas=3');
    await fastForwardUntilSettled(session, TEN_MINUTES_MS);
    await runLine(session, 'kubectl set image deployment/web nginx=nginx:1.27');
    expect(pendingWork(session.cluster.server, session.cluster.clock.now())).toBe('deployment "web" rollout in progress');
    const result = await fastForwardUntilSettled(session, TEN_MINUTES_MS);
    expect(result.settled).toBe(true);
    expect(result.advancedMs).toBeGreaterThan(0);
    expect(result.advancedMs).toBeLessThan(TEN_MINUTES_MS);
    const pods = await runLine(session, "kubectl get pods -o jsonpath='{.items[*].status.phase}'");
    expect(pods.stdout).toBe('Running Running Running');
  });

  it('does nothing when nothing is pending', async () => {
    const session = await newSession();
    expect(await fastForwardUntilSettled(session, TEN_MINUTES_MS)).toEqual({ settled: true, advancedMs: 0 });
  });

  it('gives up at the cap and names what never settles', async () => {
    const session = await newSession();
    await runLine(session, "kubectl run crasher --image=busybox -- sh -c 'exit 1'");
    const result = await fastForwardUntilSettled(session, ONE_MINUTE_MS);
    expect(result.settled).toBe(false);
    expect(result.advancedMs).toBe(ONE_MINUTE_MS);
    expect(result.waitingFor).toMatch(/^pod "crasher" is (CrashLoopBackOff|Error)$/);
  });

  it('stops once nothing has changed for a while, though a pod still waits on a long init sleep', async () => {
    const session = await newSession();
    await runLine(
      session,
      `kubectl create -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: slow-init
spec:
  initContainers:
  - name: wait
    image: busybox
    command: ["sleep", "600"]
  containers:
  - name: app
    image: busybox
    command: ["sleep", "3600"]
EOF`,
    );
    const result = await fastForwardUntilSettled(session, TEN_MINUTES_MS);
    expect(result.settled).toBe(false);
    expect(result.advancedMs).toBeGreaterThanOrEqual(QUIET_MS);
    expect(result.advancedMs).toBeLessThan(QUIET_MS + 60_000);
    expect(result.waitingFor).toBe('pod "slow-init" is Init:0/1; nothing changed for 2m');
  });
});

describe('fast-forward while a command waits in the terminal', () => {
  const sink = { write: () => undefined };

  it('waits for a sleep in the terminal though the cluster is settled', async () => {
    const session = await newSession();
    const running = session.run('sleep 60', { stdout: sink, stderr: sink, interrupt: createInterrupt() });
    let line: string | undefined = 'sleep 60';
    void running.then(() => (line = undefined));
    const result = await fastForwardUntilSettled(session, TEN_MINUTES_MS, { commandRunning: () => line });
    expect(await running).toBe(0);
    expect(result).toEqual({ settled: true, advancedMs: 60_000 });
  });

  it('stops once nothing has changed for a while, naming the command that never ends', async () => {
    const session = await newSession();
    const interrupt = createInterrupt();
    const running = session.run('sleep 1000', { stdout: sink, stderr: sink, interrupt });
    const result = await fastForwardUntilSettled(session, TEN_MINUTES_MS, { commandRunning: () => 'sleep 1000' });
    interrupt.fire();
    await running;
    expect(result.advancedMs).toBe(QUIET_MS);
    expect(result.waitingFor).toBe('`sleep 1000` is still running in the terminal; nothing changed for 2m');
  });

  it('names a pod running but not ready as kubectl shows it', async () => {
    const session = await newSession();
    await runLine(
      session,
      `kubectl create -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: never-ready
spec:
  containers:
  - name: app
    image: nginx
    readinessProbe:
      exec:
        command: ["false"]
EOF`,
    );
    const result = await fastForwardUntilSettled(session, TEN_MINUTES_MS);
    expect(result.waitingFor).toBe('pod "never-ready" is Running, 0/1 ready; nothing changed for 2m');
  });
});

describe('fast-forward while a command computes', () => {
  it('stops short of the cap and says a command keeps computing', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl create deployment web --image=nginx');
    const interrupt = createInterrupt();
    const sink = { write: () => undefined };
    const running = session.run('while true; do :; done', { stdout: sink, stderr: sink, interrupt });
    const result = await fastForwardUntilSettled(session, TEN_MINUTES_MS);
    interrupt.fire();
    expect(await running).toBe(130);
    expect(result.settled).toBe(false);
    expect(result.waitingFor).toBe('a command in the terminal keeps computing');
    // Telling a computing command from a waiting one takes thousands of real yields: slow on a busy machine.
  }, 60_000);
});
