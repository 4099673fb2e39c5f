import { describe, expect, it } from 'vitest';
import { setImmediate } from 'node:timers';
import { MemoryFileSystem } from '../shell/fs/memory-file-system.ts';
import { Shell, createInterrupt, registryOf } from '../shell/shell.ts';
import { toolCommands } from '../shell/commands/index.ts';
import { playScript } from './headless-player.ts';
import { RealTimeHostTurns } from './host-turns.ts';
import { Session } from './session.ts';

const nodeYield = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('RealTimeHostTurns', () => {
  /** `work` spends 30 ms of real time and checks in, as a program between two of its steps. */
  async function turnsTaken(sliceMs: number): Promise<{ turnsAtMs: number[]; simulationYields: number; out: string }> {
    let realMs = 0;
    const turnsAtMs: number[] = [];
    let simulationYields = 0;
    const turns = new RealTimeHostTurns(
      async () => {
        turnsAtMs.push(realMs);
        await nodeYield();
      },
      () => realMs,
      sliceMs,
    );
    const work = {
      name: 'work',
      run: async (ctx: { checkpoint(): Promise<void> }) => {
        realMs += 30;
        await ctx.checkpoint();
        return 0;
      },
    };
    const shell = new Shell({
      fs: new MemoryFileSystem(),
      registry: registryOf([...toolCommands(), work]),
      time: { now: () => 0, sleep: async () => undefined },
      yieldToHost: () => {
        simulationYields++;
        return nodeYield();
      },
      hostTurns: turns,
    });
    let out = '';
    const sink = { write: (text: string) => (out += text) };
    await shell.run('for i in 1 2 3 4; do work; echo $i; done', { stdout: sink, stderr: sink, interrupt: createInterrupt() });
    return { turnsAtMs, simulationYields, out };
  }

  const cases: { name: string; sliceMs: number; turnsAtMs: number[] }[] = [
    { name: 'gives the host a turn each time a 50 ms slice has passed', sliceMs: 50, turnsAtMs: [60, 120] },
    { name: 'gives it none while the slice lasts', sliceMs: 1000, turnsAtMs: [] },
  ];
  it.each(cases)('$name', async ({ sliceMs, turnsAtMs }) => {
    // Four iterations are far fewer steps than the simulation's own yields come after.
    expect(await turnsTaken(sliceMs)).toEqual({ turnsAtMs, simulationYields: 0, out: '1\n2\n3\n4\n' });
  });
});

describe('a session sliced by real time', () => {
  // Background jobs, a pod's busy loop and the foreground's compete for the host; sleeps move the clock.
  const SCRIPT = [
    `kubectl run counter --image=busybox -- sh -c 'i=0; while [ $i -lt 400 ]; do echo "tick $i"; i=$((i+1)); done; sleep 3600'`,
    '(for i in $(seq 1 300); do echo "job $i" >> /root/job.txt; done) &',
    'n=0; while [ $n -lt 500 ]; do n=$((n+1)); done; echo "counted $n"; wc -l < /root/job.txt',
    'sleep 7',
    'wc -l < /root/job.txt; kubectl logs counter | tail -2; kubectl get pods',
    'for i in {1..200}; do :; done; date',
  ].join('\n');

  /** `realNow` moves 1 ms at each look: with a 1 ms slice, the host gets a turn at every checkpoint. */
  async function play(sliceMs: number): Promise<{ out: string; clockMs: number }> {
    let realMs = 0;
    const session = await Session.create({ seed: 7, startTimeMs: Date.UTC(2026, 0, 1), yieldToHost: nodeYield, realNow: () => realMs++, hostSliceMs: sliceMs });
    let out = '';
    await playScript(session, undefined, SCRIPT, (text) => (out += text));
    session.close();
    return { out, clockMs: session.cluster.clock.now() };
  }

  it('prints the same and ends at the same virtual instant with a 1 ms and a 1000 ms slice', async () => {
    const coarse = await play(1000);
    const fine = await play(1);
    expect(fine).toEqual(coarse);
    const [run, job, count] = SCRIPT.split('\n');
    expect(coarse.out).toBe(`$ ${run}
pod/counter created
$ ${job}
$ ${count}
counted 500
300
$ sleep 7
$ wc -l < /root/job.txt; kubectl logs counter | tail -2; kubectl get pods
300
tick 77
tick 78
NAME      READY   STATUS    RESTARTS   AGE
counter   1/1     Running   0          7s
$ for i in {1..200}; do :; done; date
Thu Jan  1 00:00:07 UTC 2026
`);
  }, 60_000);
});
