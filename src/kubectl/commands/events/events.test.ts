import { describe, expect, it } from 'vitest';
import { newSession, runLine, runLineThenInterrupt } from '../../../../tests/support/session.ts';

describe('kubectl events', () => {
  it('says so when a namespace has none', async () => {
    const session = await newSession();
    expect(await runLine(session, 'kubectl events -n empty')).toEqual({ stdout: '', stderr: 'No events found in empty namespace.\n', code: 0 });
  });

  it('lists the events of one object, oldest first', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl create deployment web --image=nginx');
    await runLine(session, 'sleep 1');
    expect(await runLine(session, 'kubectl events --for deployment/web')).toEqual({
      stdout:
        'LAST SEEN   TYPE     REASON              OBJECT           MESSAGE\n1s          Normal   ScalingReplicaSet   Deployment/web   Scaled up replica set web-6dc5cd68db from 0 to 1\n',
      stderr: '',
      code: 0,
    });
  });

  it('watches with -w until Ctrl-C, the header with the first event', async () => {
    const session = await newSession();
    const watching = runLineThenInterrupt(session, 'kubectl events -w --for deployment/web', 5000);
    await runLine(session, 'kubectl create deployment web --image=nginx');
    expect(await watching).toEqual({
      stdout:
        'LAST SEEN   TYPE     REASON              OBJECT           MESSAGE\n0s          Normal   ScalingReplicaSet   Deployment/web   Scaled up replica set web-6dc5cd68db from 0 to 1\n',
      stderr: '',
      code: 0,
    });
  });
});
