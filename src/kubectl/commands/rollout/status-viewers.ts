/**
 * What `rollout status` says of each kind. Models pkg/polymorphichelpers/rollout_status.go
 * (DeploymentStatusViewer, DaemonSetStatusViewer, StatefulSetStatusViewer).
 */
import type { DaemonSet, Deployment, StatefulSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../../engine/api/client.ts';

export interface RolloutState {
  message: string;
  done: boolean;
  error?: string;
}

export function deploymentStatus(d: Deployment, revision = 0): RolloutState {
  const name = d.metadata!.name!;
  if (revision > 0) {
    // deploymentutil.Revision: a Deployment without the annotation is at revision 0.
    const text = d.metadata?.annotations?.['deployment.kubernetes.io/revision'];
    const running = text === undefined ? 0 : Number(text);
    if (Number.isNaN(running))
      return { message: '', done: true, error: `cannot get the revision of deployment "${name}": strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax` };
    if (running !== revision) return { message: '', done: true, error: `desired revision (${revision}) is different from the running revision (${running})` };
  }
  const s = d.status ?? {};
  const replicas = d.spec?.replicas ?? 1;
  if ((d.metadata?.generation ?? 0) > (s.observedGeneration ?? 0)) return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  const progressing = s.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { message: '', done: true, error: `deployment "${name}" exceeded its progress deadline` };
  const updated = s.updatedReplicas ?? 0;
  if (updated < replicas) return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
  if ((s.replicas ?? 0) > updated)
    return { message: `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
  if ((s.availableReplicas ?? 0) < updated)
    return { message: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}

export function daemonSetStatus(ds: DaemonSet): RolloutState {
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') return { message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
  const name = ds.metadata!.name!;
  const s = ds.status ?? { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
  if ((ds.metadata?.generation ?? 0) > (s.observedGeneration ?? 0)) return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const desired = s.desiredNumberScheduled ?? 0;
  if ((s.updatedNumberScheduled ?? 0) < desired)
    return { message: `Waiting for daemon set "${name}" rollout to finish: ${s.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
  if ((s.numberAvailable ?? 0) < desired)
    return { message: `Waiting for daemon set "${name}" rollout to finish: ${s.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
  return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
}

export function statefulSetStatus(sts: StatefulSet): RolloutState {
  const strategy = sts.spec?.updateStrategy;
  if (strategy?.type !== 'RollingUpdate') return { message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
  const s = sts.status ?? { replicas: 0 };
  if (!s.observedGeneration || (sts.metadata?.generation ?? 0) > s.observedGeneration) return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = sts.spec?.replicas;
  if (replicas !== undefined && (s.readyReplicas ?? 0) < replicas) return { message: `Waiting for ${replicas - (s.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && (s.updatedReplicas ?? 0) < replicas - partition) {
      return { message: `Waiting for partitioned roll out to finish: ${s.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...\n`, done: false };
    }
    return { message: `partitioned roll out complete: ${s.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
  }
  if (s.updateRevision !== s.currentRevision) {
    return { message: `waiting for statefulset rolling update to complete ${s.updatedReplicas ?? 0} pods at revision ${s.updateRevision ?? ''}...\n`, done: false };
  }
  return { message: `statefulset rolling update complete ${s.currentReplicas ?? 0} pods at revision ${s.currentRevision ?? ''}...\n`, done: true };
}

/** The viewer of a kind, or undefined when kubectl has none (ReplicaSets, Pods…). */
export function statusViewerFor(kind: string): ((obj: KubeObject, revision: number) => RolloutState) | undefined {
  if (kind === 'Deployment') return (obj, revision) => deploymentStatus(obj as Deployment, revision);
  if (kind === 'DaemonSet') return (obj) => daemonSetStatus(obj as DaemonSet);
  if (kind === 'StatefulSet') return (obj) => statefulSetStatus(obj as StatefulSet);
  return undefined;
}
