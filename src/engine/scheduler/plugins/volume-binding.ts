/**
 * Models pkg/scheduler/framework/plugins/volumebinding: PreFilter sorts the pod's claims into bound,
 * unbound immediate (the pod waits for the PV controller) and unbound WaitForFirstConsumer ones;
 * Filter checks bound volumes' node affinity and finds a volume on the node for each delayed
 * claim; `volumesToBind` is what PreBind writes (the volume's claimRef) for the chosen node.
 */
import { storageClassOf } from '../../../lib/storage/storage-class.ts';
import type { Node, PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { findMatchingVolume, isVolumeBoundToClaim } from '../../controllers/volume/volume-match.ts';
import type { CycleState, FilterPlugin, Status, StorageLister } from '../framework.ts';
import { unschedulable } from '../framework.ts';
import { nodeSelectorTermMatches } from './node-affinity.ts';

export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
const PLUGIN = 'VolumeBinding';

interface PodClaims {
  rejection?: Status;
  bound: PersistentVolumeClaim[];
  delayed: PersistentVolumeClaim[];
}

const NO_STORAGE: StorageLister = { claim: () => undefined, volume: () => undefined, volumes: () => [], storageClass: () => undefined };
const storageOf = (state: CycleState): StorageLister => state.storage ?? NO_STORAGE;

function podClaims(state: CycleState): PodClaims {
  const namespace = state.pod.metadata?.namespace ?? '';
  const result: PodClaims = { bound: [], delayed: [] };
  let immediate = 0;
  for (const volume of state.pod.spec?.volumes ?? []) {
    const name = volume.persistentVolumeClaim?.claimName;
    if (!name) continue;
    const claim = storageOf(state).claim(namespace, name);
    if (!claim) return { ...result, rejection: unschedulable(PLUGIN, 'UnschedulableAndUnresolvable', `persistentvolumeclaim "${name}" not found`) };
    if (claim.metadata?.deletionTimestamp)
      return { ...result, rejection: unschedulable(PLUGIN, 'UnschedulableAndUnresolvable', `persistentvolumeclaim "${name}" is being deleted`) };
    if (claim.spec?.volumeName) result.bound.push(claim);
    else if (storageOf(state).storageClass(storageClassOf(claim))?.volumeBindingMode === 'WaitForFirstConsumer') result.delayed.push(claim);
    else immediate++;
  }
  if (immediate) result.rejection = unschedulable(PLUGIN, 'UnschedulableAndUnresolvable', 'pod has unbound immediate PersistentVolumeClaims');
  return result;
}

function volumeFitsNode(pv: PersistentVolume, node: Node | undefined): boolean {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms || !node) return true;
  return terms.some((term) => nodeSelectorTermMatches(term, node));
}

/** The volumes the delayed claims would bind to on `node` (FindPodVolumes), or undefined if one has none. */
export function volumesToBind(state: CycleState, claims: readonly PersistentVolumeClaim[], node: Node | undefined): [PersistentVolumeClaim, PersistentVolume][] | undefined {
  const chosen: [PersistentVolumeClaim, PersistentVolume][] = [];
  const free = storageOf(state)
    .volumes()
    .filter((pv) => volumeFitsNode(pv, node));
  for (const claim of claims) {
    const pv = findMatchingVolume(
      claim,
      free.filter((v) => !chosen.some(([, taken]) => taken === v)),
    );
    if (!pv) return undefined;
    chosen.push([claim, pv]);
  }
  return chosen;
}

export const volumeBinding: FilterPlugin = {
  name: PLUGIN,
  preFilter: podClaims,
  preFilterStatus: (pre) => (pre as PodClaims).rejection,
  filter(state, node, pre) {
    const claims = pre as PodClaims;
    for (const claim of claims.bound) {
      const pv = storageOf(state).volume(claim.spec!.volumeName!);
      if (!pv) return unschedulable(PLUGIN, 'UnschedulableAndUnresolvable', ERR_REASON_PV_NOT_EXIST);
      if (!volumeFitsNode(pv, node.node)) return unschedulable(PLUGIN, 'UnschedulableAndUnresolvable', ERR_REASON_NODE_CONFLICT);
    }
    const delayed = claims.delayed.filter(
      (claim) =>
        !storageOf(state)
          .volumes()
          .some((pv) => isVolumeBoundToClaim(pv, claim) && pv.spec?.claimRef?.uid),
    );
    if (delayed.length && !volumesToBind(state, delayed, node.node)) return unschedulable(PLUGIN, 'UnschedulableAndUnresolvable', ERR_REASON_BIND_CONFLICT);
    return undefined;
  },
};

/**
 * PreBind for the chosen node: each delayed claim's volume gets the claim as its claimRef, which
 * the PV controller then completes (bindAPIUpdate). Returns the volumes to write.
 */
export function volumesForPreBind(state: CycleState, node: Node | undefined): PersistentVolume[] {
  const claims = podClaims(state);
  if (claims.rejection || !claims.delayed.length) return [];
  const pending = claims.delayed.filter(
    (claim) =>
      !storageOf(state)
        .volumes()
        .some((pv) => isVolumeBoundToClaim(pv, claim) && pv.spec?.claimRef?.uid),
  );
  return (volumesToBind(state, pending, node) ?? []).map(([claim, pv]) => ({
    ...pv,
    metadata: { ...pv.metadata, annotations: { ...(pv.metadata?.annotations ?? {}), 'pv.kubernetes.io/bound-by-controller': 'yes' } },
    spec: {
      ...pv.spec,
      claimRef: {
        kind: 'PersistentVolumeClaim',
        namespace: claim.metadata!.namespace!,
        name: claim.metadata!.name!,
        uid: claim.metadata!.uid!,
        apiVersion: 'v1',
        resourceVersion: claim.metadata!.resourceVersion!,
      },
    },
  }));
}
