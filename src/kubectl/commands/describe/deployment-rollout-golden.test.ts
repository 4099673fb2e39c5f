/**
 * describe of a Deployment and its ReplicaSets once a rolling update has finished: the old
 * ReplicaSet, scaled to zero, still shows under OldReplicaSets. Golden in testdata/.
 */
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../../labs/load-lab.ts';
import { startLab } from '../../../session/lab-session.ts';
import { readLabFiles } from '../../../cli/node-host.ts';
import { newSession, runLine } from '../../../../tests/support/session.ts';

describe('describe after a finished rollout', () => {
  it('lists the scaled-down ReplicaSet as old', async () => {
    const session = await newSession();
    const loaded = loadLab(readLabFiles('rolling-updates')!);
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    await startLab(session, loaded.lab);
    await session.cluster.pump.advance(90_000);
    await runLine(session, 'kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2');
    await session.cluster.pump.advance(180_000);
    const command = 'kubectl describe deploy frontend';
    const { stdout, stderr, code } = await runLine(session, command);
    await expect(`$ ${command}\n${stdout}${stderr ? `[stderr]\n${stderr}` : ''}[exit ${code}]\n`).toMatchFileSnapshot('testdata/describe-deploy-frontend-after-rollout.txt');
  });
});
