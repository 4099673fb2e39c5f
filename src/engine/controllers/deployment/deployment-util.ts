/**
 * Pure helpers of the Deployment controller. Models
 * pkg/controller/deployment/util/deployment_util.go (fenceposts, revisions, annotations, hashing).
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { SAFE_ALPHABET } from '../../clock/seeded-random.ts';
import { stableStringify } from '../../store/deep-copy.ts';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** Annotations a deployment does not hand down to its ReplicaSets (skipCopyAnnotation). */
const NOT_COPIED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
]);

/** `25%` of `total`, rounded up or down; plain ints as they are. Models intstr.GetScaledValueFromIntOrPercent. */
export function scaledValue(value: number | string | undefined, total: number, roundUp: boolean, fallback: string): number {
  const v = value ?? fallback;
  if (typeof v === 'number') return v;
  const percent = Number(v.replace('%', ''));
  const raw = (percent * total) / 100;
  return roundUp ? Math.ceil(raw) : Math.floor(raw);
}

/** Models ResolveFenceposts: surge rounded up, unavailable rounded down, never both zero. */
export function resolveFenceposts(d: Deployment): { maxSurge: number; maxUnavailable: number } {
  const replicas = d.spec?.replicas ?? 1;
  const rolling = d.spec?.strategy?.rollingUpdate;
  const maxSurge = scaledValue(rolling?.maxSurge, replicas, true, '25%');
  let maxUnavailable = scaledValue(rolling?.maxUnavailable, replicas, false, '25%');
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

export function maxUnavailable(d: Deployment): number {
  const replicas = d.spec?.replicas ?? 1;
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(resolveFenceposts(d).maxUnavailable, replicas);
}

export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).maxSurge : 0;
}

export function revisionOf(rs: ReplicaSet): number {
  const value = Number(rs.metadata?.annotations?.[REVISION_ANNOTATION] ?? '0');
  return Number.isFinite(value) ? value : 0;
}

export function maxRevision(sets: ReplicaSet[]): number {
  return sets.reduce((max, rs) => Math.max(max, revisionOf(rs)), 0);
}

/** Sum of spec.replicas (GetReplicaCountForReplicaSets). */
export function specReplicas(sets: ReplicaSet[]): number {
  return sets.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
}

export function statusReplicas(sets: ReplicaSet[], field: 'replicas' | 'readyReplicas' | 'availableReplicas'): number {
  return sets.reduce((n, rs) => n + (rs.status?.[field] ?? 0), 0);
}

/** Templates equal apart from the pod-template-hash label (EqualIgnoreHash). */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const copy: PodTemplateSpec = JSON.parse(JSON.stringify(t ?? {}));
    if (copy.metadata?.labels) {
      delete copy.metadata.labels[POD_TEMPLATE_HASH_LABEL];
      if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
    }
    if (copy.metadata && Object.keys(copy.metadata).length === 0) delete copy.metadata;
    return stableStringify(copy);
  };
  return strip(a) === strip(b);
}

/**
 * FNV-32a of the template (and collision count), rendered with the safe alphabet as
 * SafeEncodeString does. Upstream hashes a spew dump of the Go struct, so the exact strings differ
 * from a real cluster's, but the same template always gives the same hash.
 */
export function computeHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  const text = stableStringify(template ?? {}) + (collisionCount !== undefined ? String(collisionCount) : '');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i) & 0xff;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return [...String(hash)].map((ch) => SAFE_ALPHABET[ch.charCodeAt(0) % SAFE_ALPHABET.length]).join('');
}

/** Copies the deployment's annotations onto the RS and stamps revision, desired and max replicas. */
export function newReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: number, exists: boolean): Record<string, string> {
  const annotations: Record<string, string> = { ...(rs.metadata?.annotations ?? {}) };
  for (const [key, value] of Object.entries(d.metadata?.annotations ?? {})) {
    if (!NOT_COPIED.has(key)) annotations[key] = value;
  }
  const oldRevision = Number(annotations[REVISION_ANNOTATION] ?? '0');
  if (oldRevision < newRevision) {
    annotations[REVISION_ANNOTATION] = String(newRevision);
    if (exists && oldRevision > 0) {
      const history = annotations[REVISION_HISTORY_ANNOTATION];
      annotations[REVISION_HISTORY_ANNOTATION] = history ? `${history},${oldRevision}` : String(oldRevision);
    }
  }
  annotations[DESIRED_REPLICAS_ANNOTATION] = String(d.spec?.replicas ?? 1);
  annotations[MAX_REPLICAS_ANNOTATION] = String((d.spec?.replicas ?? 1) + maxSurge(d));
  return annotations;
}

export function byCreationOldestFirst(a: ReplicaSet, b: ReplicaSet): number {
  const ta = a.metadata?.creationTimestamp ?? '';
  const tb = b.metadata?.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
}
