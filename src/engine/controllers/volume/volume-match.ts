/**
 * Which PersistentVolume a claim binds to. Models pkg/controller/volume/persistentvolume's
 * findMatchingVolume (component-helpers/storage/volume FindMatchingVolume): a volume pre-bound to
 * the claim wins; otherwise the smallest Available volume of the claim's class, access modes,
 * volume mode and selector whose capacity covers the request.
 */
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { compareValues } from '../../api/resources/resource-list.ts';
import { selectorMatches } from '../selector-match.ts';
import { storageClassOf } from '../../../lib/storage/storage-class.ts';

/** Whether the volume's claimRef names this claim (an empty uid is a pre-binding by name). */
export function isVolumeBoundToClaim(pv: PersistentVolume, pvc: PersistentVolumeClaim): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref) return false;
  if (ref.name !== pvc.metadata?.name || ref.namespace !== pvc.metadata?.namespace) return false;
  return !ref.uid || ref.uid === pvc.metadata?.uid;
}

/** Models checkVolumeModeMismatches: an unset mode is Filesystem. */
function volumeModeMatches(pv: PersistentVolume, pvc: PersistentVolumeClaim): boolean {
  return (pv.spec?.volumeMode ?? 'Filesystem') === (pvc.spec?.volumeMode ?? 'Filesystem');
}

function accessModesCovered(pv: PersistentVolume, pvc: PersistentVolumeClaim): boolean {
  const offered = pv.spec?.accessModes ?? [];
  return (pvc.spec?.accessModes ?? []).every((mode) => offered.includes(mode));
}

/**
 * findBestMatchForClaim: the volumes offering the claim's access modes are tried by their mode
 * set, fewest modes first (allPossibleMatchingAccessModes), the smallest fitting volume of the
 * first set that has one wins; a volume pre-bound to the claim wins outright.
 */
export function findMatchingVolume(pvc: PersistentVolumeClaim, volumes: readonly PersistentVolume[]): PersistentVolume | undefined {
  const request = pvc.spec?.resources?.requests?.storage ?? '0';
  const requestedClass = storageClassOf(pvc);
  const groups = new Map<string, PersistentVolume[]>();
  for (const pv of volumes) {
    if (!accessModesCovered(pv, pvc)) continue;
    const key = [...new Set(pv.spec?.accessModes ?? [])].sort().join(',');
    groups.set(key, [...(groups.get(key) ?? []), pv]);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => a.split(',').length - b.split(',').length);
  for (const pv of volumes) {
    if (isVolumeBoundToClaim(pv, pvc) && !pv.metadata?.deletionTimestamp && volumeModeMatches(pv, pvc) && compareValues(pv.spec?.capacity?.storage ?? '0', request) >= 0) return pv;
  }
  for (const [, group] of ordered) {
    let smallest: PersistentVolume | undefined;
    for (const pv of group) {
      const capacity = pv.spec?.capacity?.storage ?? '0';
      if (compareValues(capacity, request) < 0) continue;
      if (!volumeModeMatches(pv, pvc)) continue;
      if (pv.metadata?.deletionTimestamp) continue;
      if (pv.spec?.claimRef) continue;
      if (pv.status?.phase !== 'Available') continue;
      if (pvc.spec?.selector && !selectorMatches(pvc.spec.selector, pv.metadata?.labels)) continue;
      if (storageClassOf(pv) !== requestedClass) continue;
      if (!smallest || compareValues(capacity, smallest.spec?.capacity?.storage ?? '0') < 0) smallest = pv;
    }
    if (smallest) return smallest;
  }
  return undefined;
}
