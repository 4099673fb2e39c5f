import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../../tests/support/session.ts';

// Whole outputs as kubectl v1.35.2 prints them against a served cluster (tests/parity/corpus/nodeops.sh).
/** node01's kube-proxy pod, which every drain of node01 meets. */
async function proxyPodOnNode01(session: Awaited<ReturnType<typeof newSession>>): Promise<string> {
  const listed = await runLine(session, 'kubectl get pods -n kube-system -l k8s-app=kube-proxy --field-selector spec.nodeName=node01 -o name');
  return `kube-system/${listed.stdout.trim().replace('pod/', '')}`;
}

describe('kubectl drain', () => {
  it('evicts a naked pod with --force and waits until it is gone', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl run solo --image=nginx');
    await runLine(session, 'sleep 10');
    const proxy = await proxyPodOnNode01(session);
    expect(await runLine(session, 'kubectl drain node01 --force --ignore-daemonsets')).toEqual({
      stdout: 'node/node01 cordoned\nevicting pod default/solo\npod/solo evicted\nnode/node01 drained\n',
      stderr: `Warning: deleting Pods that declare no controller: default/solo; ignoring DaemonSet-managed Pods: ${proxy}\n`,
      code: 0,
    });
    expect(await runLine(session, 'kubectl get nodes node01 -o jsonpath={.spec.unschedulable}')).toEqual({ stdout: 'true', stderr: '', code: 0 });
  });

  it('retries an eviction a PodDisruptionBudget refuses until --timeout', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl run guarded --image=nginx --labels=app=guarded');
    await runLine(session, 'kubectl create pdb guard --selector=app=guarded --min-available=1');
    await runLine(session, 'sleep 10');
    expect((await runLine(session, 'kubectl get pdb guard')).stdout).toBe(
      'NAME    MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\nguard   1               N/A               0                     10s\n',
    );
    const refused = `error when evicting pods/"guarded" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`;
    const timedOut = 'error when evicting pods/"guarded" -n "default": global timeout reached: 7s';
    const proxy = await proxyPodOnNode01(session);
    expect(await runLine(session, 'kubectl drain node01 --force --timeout=7s --ignore-daemonsets')).toEqual({
      stdout: 'node/node01 cordoned\nevicting pod default/guarded\nevicting pod default/guarded\nevicting pod default/guarded\n',
      stderr: [
        `Warning: deleting Pods that declare no controller: default/guarded; ignoring DaemonSet-managed Pods: ${proxy}\n`,
        refused,
        refused,
        `There are pending pods in node "node01" when an error occurred: ${timedOut}\npod/guarded\n`,
        `error: unable to drain node "node01" due to error: ${timedOut}, continuing command...\n`,
        'There are pending nodes to be drained:\n node01\n',
        `${timedOut}\n`,
      ].join(''),
      code: 1,
    });
  });

  it('refuses a naked pod without --force and a DaemonSet pod without --ignore-daemonsets', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl run solo --image=nginx');
    await runLine(session, 'sleep 5');
    const proxy = await proxyPodOnNode01(session);
    const naked = 'cannot delete cannot delete Pods that declare no controller (use --force to override): default/solo';
    const daemon = `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${proxy}`;
    expect(await runLine(session, 'kubectl drain node01')).toEqual({
      stdout: 'node/node01 cordoned\n',
      stderr: `error: unable to drain node "node01" due to error: [${naked}, ${daemon}], continuing command...\nThere are pending nodes to be drained:\n node01\n${naked}\n${daemon}\n`,
      code: 1,
    });
  });
});
