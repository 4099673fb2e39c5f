import { describe, expect, it } from 'vitest';
import { readLabFiles, yieldToHost } from '../cli/node-host.ts';
import { loadLab } from '../labs/load-lab.ts';
import { createInterrupt } from '../shell/shell.ts';
import { startLab } from './lab-session.ts';
import { previewRequest } from './preview-request.ts';
import { Session } from './session.ts';

/** A lab session, a command runner that drives the clock, and what each preview address serves. */
async function openLab(labId: string) {
  const loaded = loadLab(readLabFiles(labId)!);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const session = await Session.create({ seed: 1, startTimeMs: Date.UTC(2026, 0, 5, 9), yieldToHost });
  await startLab(session, loaded.lab);
  const run = async (line: string) => {
    let done = false;
    const sink = { write: () => undefined };
    const running = session.run(line, { stdout: sink, stderr: sink, interrupt: createInterrupt() }).finally(() => (done = true));
    await session.cluster.pump.runUntil(() => done, 600_000);
    await running;
    await session.cluster.pump.settle();
  };
  const preview = async (address: string) => {
    const r = await previewRequest(session, `http://${address}`);
    return `${r.status} ${r.body}`;
  };
  return { run, preview };
}

describe('app previews', () => {
  it('shows the kubia pod that answered, then the new version after an update', async () => {
    const { run, preview } = await openLab('rollout-control');
    expect(await preview('node01:30080/')).toMatch(/^200 This is v1 running in pod kubia-[a-z0-9]+-[a-z0-9]{5}\n$/);
    await run('kubectl set image deployment/kubia nodejs=luksa/kubia:v2 && kubectl rollout status deployment/kubia && sleep 35');
    expect(await preview('node01:30080/')).toMatch(/^200 This is v2 running in pod kubia-/);
  });

  it('shows the hello version blue, then green once the Service is switched', async () => {
    const { run, preview } = await openLab('blue-green');
    expect(await preview('node01:30080/version')).toBe('200 {"version":"1.0.0"}\n');
    expect(await preview('node01:30080/')).toBe('200 {"message":"Hello"}\n');
    await run('kubectl create -f deployments/hello-green.yaml && kubectl rollout status deployment/hello-green');
    await run("kubectl set selector service hello 'app=hello,version=2.0.0'");
    expect(await preview('node01:30080/version')).toBe('200 {"version":"2.0.0"}\n');
  });
});
