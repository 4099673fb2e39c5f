import { readFileSync } from 'node:fs';
import { setImmediate } from 'node:timers';
import { describe, expect, it } from 'vitest';
import { readLabFiles } from '../cli/node-host.ts';
import { loadLab } from '../labs/load-lab.ts';
import { playScript } from './headless-player.ts';
import { startLab } from './lab-session.ts';
import { Session } from './session.ts';

const SCRIPT = [
  readFileSync('labs/rolling-updates/solution.sh', 'utf8'),
  'kubectl create deployment web --image=nginx:1.26 --replicas=12',
  'sleep 1',
  'kubectl get pods -o wide',
  'kubectl get events --sort-by=.metadata.creationTimestamp',
  'kubectl set image deployment/web nginx=nginx:1.27',
  'kubectl rollout status deployment/web',
  'kubectl get pods -o wide',
  '',
].join('\n');

/** Plays the script with the cluster handing the host a turn whenever `sliceMs` of a fake host clock (one tick a reading) is used up. */
async function playSliced(sliceMs: number): Promise<{ transcript: string; hostTurns: number }> {
  let ticks = 0;
  let hostTurns = 0;
  const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve)).then(() => void hostTurns++);
  const session = await Session.create({ seed: 1, yieldToHost, slicing: { elapsedMs: () => ticks++, sliceMs } });
  const loaded = loadLab(readLabFiles('rolling-updates')!);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const lab = await startLab(session, loaded.lab);
  let transcript = '';
  await playScript(session, lab.scriptGrader, SCRIPT, (text) => (transcript += text));
  session.close();
  return { transcript, hostTurns };
}

describe('time slicing', () => {
  it('plays a script the same whatever the slice size', async () => {
    const whole = await playSliced(Infinity);
    for (const sliceMs of [0, 1, 7, 40]) {
      const sliced = await playSliced(sliceMs);
      expect(sliced.hostTurns).toBeGreaterThan(whole.hostTurns);
      expect(sliced.transcript).toBe(whole.transcript);
    }
  }, 300_000);
});
