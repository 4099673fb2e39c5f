/**
 * Binds PersistentVolumeClaims to PersistentVolumes and reclaims released volumes. Models
 * pkg/controller/volume/persistentvolume (syncClaim, syncVolume, bind, reclaimVolume): static
 * binding only, since a kubeadm cluster runs no provisioner and has no StorageClass.
 */
import { storageClassOf } from '../../../lib/storage/storage-class.ts';
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../../api/client.ts';
import { formatTimestamp } from '../../api/timestamps.ts';
import { core } from '../../client/informer-factory.ts';
import { objectKey, splitKey, watchResource } from '../../client/informer.ts';
import type { Lister } from '../../client/lister.ts';
import { WorkQueue } from '../../client/work-queue.ts';
import type { ControllerContext } from '../controller-context.ts';
import { findMatchingVolume, isVolumeBoundToClaim } from './volume-match.ts';

const CLAIMS = core('persistentvolumeclaims');
const VOLUMES = core('persistentvolumes');
const CLASSES = { group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' } as const;
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const COMPONENT = 'persistentvolume-controller';
const RESYNC_MS = 15_000;

export class PersistentVolumeController {
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

  #classes(): Lister<StorageClass> {
    return this.#ctx.informers.lister<StorageClass>(CLASSES);
  }

  start(): void {
    watchResource(this.#ctx.server, CLAIMS, (_t, pvc) => {
      this.#claimQueue.add(objectKey(pvc));
      // A deleted claim releases its volume.
      const volume = (pvc as PersistentVolumeClaim).spec?.volumeName;
      if (volume) this.#volumeQueue.add(volume);
    });
    watchResource(this.#ctx.server, VOLUMES, (_t, pv) => {
      this.#volumeQueue.add(objectKey(pv));
      // A new volume may satisfy a waiting claim (upstream finds it on the 15s resync).
      for (const pvc of this.#claims().list()) if (!pvc.spec?.volumeName) this.#claimQueue.add(objectKey(pvc as KubeObject));
    });
  }

  syncClaim(key: string): void {
    const { namespace, name } = splitKey(key);
    const pvc = this.#claims().get(namespace, name);
    if (!pvc || pvc.metadata?.deletionTimestamp) return;
    if (pvc.spec?.volumeName) {
      this.#syncBoundClaim(pvc);
      return;
    }
    const className = storageClassOf(pvc);
    const sc = className ? this.#classes().get(undefined, className) : undefined;
    const delayed = sc?.volumeBindingMode === 'WaitForFirstConsumer' && !pvc.metadata?.annotations?.[ANN_SELECTED_NODE];
    const candidates = this.#volumes().list();
    const match = findMatchingVolume(pvc, delayed ? candidates.filter((pv) => isVolumeBoundToClaim(pv, pvc)) : candidates);
    if (match) {
      this.bind(pvc, match);
      return;
    }
    // The controller's 15s resync (--pvclaimbinder-sync-period) tries the claim again, and says so again.
    this.#claimQueue.addAfter(key, RESYNC_MS);
    const recorder = this.#ctx.recorder(COMPONENT);
    if (delayed) recorder.record(pvc as KubeObject, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
    else if (!className) recorder.record(pvc as KubeObject, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
    else if (!sc) recorder.record(pvc as KubeObject, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
    else
      recorder.record(
        pvc as KubeObject,
        'Normal',
        'ExternalProvisioning',
        `Waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
      );
  }

  /** A claim naming its volume: bind the volume to it if it is free, else wait for it. */
  #syncBoundClaim(pvc: PersistentVolumeClaim): void {
    const pv = this.#volumes().get(undefined, pvc.spec!.volumeName!);
    if (!pv) {
      if (pvc.metadata?.annotations?.[ANN_BIND_COMPLETED] && pvc.status?.phase !== 'Lost') {
        this.#ctx.recorder(COMPONENT).record(pvc as KubeObject, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
        this.#claimStatus(pvc, { phase: 'Lost' });
      }
      return;
    }
    if (!pv.spec?.claimRef || isVolumeBoundToClaim(pv, pvc)) this.bind(pvc, pv);
    else if (pvc.status?.phase !== 'Bound') this.#ctx.recorder(COMPONENT).record(pvc as KubeObject, 'Warning', 'FailedBinding', 'volume already bound to a different claim.');
  }

  /** Models bind(): the volume's claimRef and phase first, then the claim's volumeName, annotations and status. */
  bind(pvc: PersistentVolumeClaim, pv: PersistentVolume): void {
    const claimRef = {
      kind: 'PersistentVolumeClaim',
      namespace: pvc.metadata!.namespace!,
      name: pvc.metadata!.name!,
      uid: pvc.metadata!.uid!,
      apiVersion: 'v1',
      resourceVersion: pvc.metadata!.resourceVersion!,
    };
    let volume = pv;
    const ref = pv.spec?.claimRef;
    if (!ref || ref.uid !== claimRef.uid) {
      const annotations = { ...(pv.metadata?.annotations ?? {}) };
      if (!ref) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
      const updated = this.#update(VOLUMES.resource, { ...pv, metadata: { ...pv.metadata, annotations }, spec: { ...pv.spec, claimRef } } as KubeObject);
      if (!updated) return;
      volume = updated as PersistentVolume;
    }
    if (volume.status?.phase !== 'Bound') {
      const updated = this.#volumeStatus(volume, { phase: 'Bound' });
      if (!updated) return;
    }
    let claim = pvc;
    if (pvc.spec?.volumeName !== pv.metadata!.name || !pvc.metadata?.annotations?.[ANN_BIND_COMPLETED]) {
      const annotations: Record<string, string> = { ...(pvc.metadata?.annotations ?? {}), [ANN_BIND_COMPLETED]: 'yes' };
      if (!pvc.spec?.volumeName) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
      const updated = this.#update(CLAIMS.resource, { ...pvc, metadata: { ...pvc.metadata, annotations }, spec: { ...pvc.spec, volumeName: pv.metadata!.name! } } as KubeObject);
      if (!updated) return;
      claim = updated as PersistentVolumeClaim;
    }
    if (claim.status?.phase !== 'Bound') this.#claimStatus(claim, { phase: 'Bound', accessModes: [...(pv.spec?.accessModes ?? [])], capacity: { ...(pv.spec?.capacity ?? {}) } });
  }

  syncVolume(key: string): void {
    const pv = this.#volumes().get(undefined, splitKey(key).name);
    if (!pv) return;
    const ref = pv.spec?.claimRef;
    if (!ref) {
      if (pv.status?.phase !== 'Available') this.#volumeStatus(pv, { phase: 'Available' });
      return;
    }
    if (!ref.uid) {
      // Pre-bound by name: available until the claim binds.
      if (pv.status?.phase !== 'Available') this.#volumeStatus(pv, { phase: 'Available' });
      const pvc = this.#claims().get(ref.namespace, ref.name!);
      if (pvc) this.#claimQueue.add(objectKey(pvc as KubeObject));
      return;
    }
    const pvc = this.#claims().get(ref.namespace, ref.name!);
    if (pvc && pvc.metadata?.uid === ref.uid) {
      if (!pvc.spec?.volumeName) this.#claimQueue.add(objectKey(pvc as KubeObject));
      return;
    }
    if (pv.status?.phase === 'Released' || pv.status?.phase === 'Failed') return;
    const released = this.#volumeStatus(pv, { phase: 'Released' });
    if (released) this.#reclaim(released);
  }

  /** Models reclaimVolume: Retain keeps the volume Released; Delete removes it if a deleter can. */
  #reclaim(pv: PersistentVolume): void {
    if (pv.spec?.persistentVolumeReclaimPolicy !== 'Delete') return;
    const path = pv.spec.hostPath?.path;
    let failure: string | undefined;
    if (pv.spec.hostPath) {
      // The in-tree hostPath deleter only removes directories under /tmp.
      if (!/^\/tmp\/.+/.test(path ?? '')) failure = `host_path deleter only supports /tmp/.+ but received provided ${path}`;
    } else failure = `error getting deleter volume plugin for volume "${pv.metadata!.name}": no deletable volume plugin matched`;
    if (failure) {
      this.#ctx.recorder(COMPONENT).record(pv as KubeObject, 'Warning', 'VolumeFailedDelete', failure);
      this.#volumeStatus(pv, { phase: 'Failed', message: failure });
      return;
    }
    this.#ctx.server.handle({ verb: 'delete', ...VOLUMES, name: pv.metadata!.name! });
  }

  #update(resource: string, body: KubeObject): KubeObject | undefined {
    const namespace = body.metadata?.namespace;
    const res = this.#ctx.server.handle({ verb: 'update', group: '', version: 'v1', resource, ...(namespace ? { namespace } : {}), name: body.metadata!.name!, body });
    return res.ok ? (res.body as KubeObject) : undefined;
  }

  #volumeStatus(pv: PersistentVolume, status: { phase: string; message?: string }): PersistentVolume | undefined {
    const now = formatTimestamp(this.#ctx.clock.now());
    const next = { ...status, lastPhaseTransitionTime: pv.status?.phase === status.phase ? pv.status?.lastPhaseTransitionTime : now };
    const res = this.#ctx.server.handle({ verb: 'update', ...VOLUMES, name: pv.metadata!.name!, subresource: 'status', body: { ...pv, status: next } as KubeObject });
    return res.ok ? (res.body as PersistentVolume) : undefined;
  }

  #claimStatus(pvc: PersistentVolumeClaim, status: Record<string, unknown>): void {
    this.#ctx.server.handle({
      verb: 'update',
      ...CLAIMS,
      namespace: pvc.metadata!.namespace!,
      name: pvc.metadata!.name!,
      subresource: 'status',
      body: { ...pvc, status } as KubeObject,
    });
  }
}
