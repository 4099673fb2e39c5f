/**
 * Holds back the deletion of claims and volumes in use. Models pkg/controller/volume/pvcprotection
 * (a claim keeps kubernetes.io/pvc-protection while a pod that is not terminated uses it) and
 * pvprotection (a volume keeps kubernetes.io/pv-protection while it is Bound).
 */
import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/client.ts';
import { PVC_PROTECTION_FINALIZER } from '../../api/resources/persistent-volume-claim.ts';
import { PV_PROTECTION_FINALIZER } from '../../api/resources/persistent-volume.ts';
import { core } from '../../client/informer-factory.ts';
import { objectKey, splitKey, watchResource } from '../../client/informer.ts';
import type { Lister } from '../../client/lister.ts';
import { WorkQueue } from '../../client/work-queue.ts';
import type { ControllerContext } from '../controller-context.ts';

const CLAIMS = core('persistentvolumeclaims');
const VOLUMES = core('persistentvolumes');
const PODS = core('pods');

function podUsesClaim(pod: Pod, claim: string): boolean {
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return false;
  return (pod.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim);
}

export class VolumeProtectionController {
  readonly #ctx: ControllerContext;
  readonly #claimQueue: WorkQueue;
  readonly #volumeQueue: WorkQueue;

  constructor(ctx: ControllerContext) {
    this.#ctx = ctx;
    this.#claimQueue = new WorkQueue(ctx.clock, (key) => this.syncClaim(key));
    this.#volumeQueue = new WorkQueue(ctx.clock, (key) => this.syncVolume(key));
  }

  // Informers are made on first use: a cluster without storage starts none at boot.
  #claims(): Lister<PersistentVolumeClaim> {
    return this.#ctx.informers.lister<PersistentVolumeClaim>(CLAIMS);
  }

  #volumes(): Lister<PersistentVolume> {
    return this.#ctx.informers.lister<PersistentVolume>(VOLUMES);
  }

  #pods(): Lister<Pod> {
    return this.#ctx.informers.lister<Pod>(PODS);
  }

  start(): void {
    watchResource(this.#ctx.server, CLAIMS, (_t, pvc) => {
      if (pvc.metadata?.deletionTimestamp) this.#claimQueue.add(objectKey(pvc));
    });
    watchResource(this.#ctx.server, VOLUMES, (_t, pv) => {
      if (pv.metadata?.deletionTimestamp) this.#volumeQueue.add(objectKey(pv));
    });
    watchResource(this.#ctx.server, PODS, (_t, pod) => {
      for (const v of (pod as Pod).spec?.volumes ?? []) {
        if (v.persistentVolumeClaim) this.#claimQueue.add(`${pod.metadata?.namespace}/${v.persistentVolumeClaim.claimName}`);
      }
    });
  }

  syncClaim(key: string): void {
    const { namespace, name } = splitKey(key);
    const pvc = this.#claims().get(namespace, name);
    if (!pvc?.metadata?.deletionTimestamp || !pvc.metadata.finalizers?.includes(PVC_PROTECTION_FINALIZER)) return;
    if (
      this.#pods()
        .list(namespace)
        .some((pod) => podUsesClaim(pod, name))
    )
      return;
    this.#removeFinalizer(CLAIMS.resource, pvc as KubeObject, PVC_PROTECTION_FINALIZER);
  }

  syncVolume(key: string): void {
    const pv = this.#volumes().get(undefined, splitKey(key).name);
    if (!pv?.metadata?.deletionTimestamp || !pv.metadata.finalizers?.includes(PV_PROTECTION_FINALIZER)) return;
    if (pv.status?.phase === 'Bound') return;
    this.#removeFinalizer(VOLUMES.resource, pv as KubeObject, PV_PROTECTION_FINALIZER);
  }

  #removeFinalizer(resource: string, obj: KubeObject, finalizer: string): void {
    const namespace = obj.metadata?.namespace;
    const finalizers = (obj.metadata?.finalizers ?? []).filter((f) => f !== finalizer);
    const body = { ...obj, metadata: { ...obj.metadata, finalizers } } as KubeObject;
    this.#ctx.server.handle({ verb: 'update', group: '', version: 'v1', resource, ...(namespace ? { namespace } : {}), name: obj.metadata!.name!, body });
  }
}
