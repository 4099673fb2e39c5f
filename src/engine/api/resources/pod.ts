/** Pods (core/v1): defaults, the admission plug-ins that touch new pods, validation, table. */
import type { Pod, PodSpec, Toleration } from 'kubernetes-types/core/v1';
import { generateName } from '../../clock/seeded-random.ts';
import { deepCopy, stableStringify } from '../../store/deep-copy.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, forbidden, goValue, invalid, required } from '../field-error.ts';
import type { ResourceDefinition, ServerContext } from '../resource-definition.ts';
import { isDNS1123Subdomain, inclusiveRangeError } from './name-validation.ts';
import { validateObjectMeta } from './object-meta-validation.ts';
import { applyPodLabelKeys } from './pod-label-keys.ts';
import { podQOSClass } from './pod-qos.ts';
import { defaultPodSpec } from './pod-spec-defaults.ts';
import { validatePodSpec } from './pod-spec-validation.ts';
import { podColumns, podTableRow } from './pod-table-row.ts';
import { podResizeStrategy } from './pod-resize.ts';
import { podSpecDiff } from './pod-spec-diff.ts';
import { STANDARD_VERBS } from './table-columns.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** SetDefaults_Pod: what a Pod gets beyond its template's defaults. */
function applyPodDefaults(obj: KubeObject): void {
  const pod = obj as Mutable<Pod>;
  const spec = (pod.spec ??= { containers: [] }) as Mutable<PodSpec>;
  // Requests default to limits on pods only, not on templates.
  for (const container of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const resources = container.resources as { limits?: Record<string, string>; requests?: Record<string, string> } | undefined;
    if (!resources?.limits) continue;
    resources.requests ??= {};
    for (const [name, value] of Object.entries(resources.limits)) resources.requests[name] ??= value;
  }
  spec.enableServiceLinks ??= true;
  defaultPodSpec(spec);
}

/** The ServiceAccount admission plug-in's token volume, mounted into every container. */
function admitServiceAccount(spec: Mutable<PodSpec>, namespace: string | undefined, ctx: ServerContext): void {
  spec.serviceAccountName ||= 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  const serviceAccount = ctx.store.get('serviceaccounts', namespace, spec.serviceAccountName) as { automountServiceAccountToken?: boolean } | undefined;
  if (serviceAccount?.automountServiceAccountToken === false) return;
  const volumeName = generateName('kube-api-access-', ctx.random);
  const mount = { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name: volumeName, readOnly: true };
  let mounted = false;
  for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    const mounts = (container.volumeMounts ?? []) as Mutable<typeof container>['volumeMounts'] & object;
    if (mounts.some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) continue;
    (container as { volumeMounts?: unknown[] }).volumeMounts = [...mounts, { ...mount }];
    mounted = true;
  }
  if (!mounted) return;
  spec.volumes = [
    ...(spec.volumes ?? []),
    {
      name: volumeName,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
          { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
        ],
      },
    },
  ];
}

/** DefaultTolerationSeconds: tolerate not-ready and unreachable nodes for 300s. */
function admitDefaultTolerations(spec: Mutable<PodSpec>): void {
  const tolerations: Toleration[] = [...(spec.tolerations ?? [])];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const covered = tolerations.some((t) => (t.effect === 'NoExecute' || !t.effect) && (t.key === key || (!t.key && t.operator === 'Exists')));
    if (!covered) tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
}

function admitPod(obj: KubeObject, ctx: ServerContext): void {
  const pod = obj as Mutable<Pod>;
  const spec = pod.spec as Mutable<PodSpec>;
  // plugin/pkg/admission/serviceaccount leaves a kubelet's mirror pod without a service account.
  if (pod.metadata?.annotations?.['kubernetes.io/config.mirror'] === undefined) admitServiceAccount(spec, pod.metadata?.namespace, ctx);
  admitDefaultTolerations(spec);
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  applyPodLabelKeys(pod);
  // Pod strategy PrepareForCreate: a new pod starts Pending whatever status was sent.
  pod.status = { phase: 'Pending', qosClass: podQOSClass(spec) };
}

function validatePod(obj: KubeObject): FieldError[] {
  const pod = obj as Pod;
  return [...validateObjectMeta(pod.metadata, isDNS1123Subdomain), ...validatePodSpec(pod.spec, 'spec')];
}

const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

const sameJson = (a: unknown, b: unknown) => stableStringify(a) === stableStringify(b);

function validateContainerUpdates(next: PodSpec['containers'] | undefined, prev: PodSpec['containers'] | undefined, path: string) {
  const errs: FieldError[] = [];
  if ((next ?? []).length !== (prev ?? []).length) return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  (next ?? []).forEach((container, i) => {
    if (!container.image) errs.push(required(`${path}[${i}].image`));
    if (container.image && container.image.trim() !== container.image) {
      errs.push(invalid(`${path}[${i}].image`, goValue(container.image), 'must not have leading or trailing whitespace'));
    }
  });
  return { errs, stop: false };
}

// Models ValidatePodUpdate: only images, activeDeadlineSeconds, added tolerations and a
// negative terminationGracePeriodSeconds may change; anything else is reported with a diff.
function validatePodUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const pod = obj as Pod;
  const oldPod = old as Pod;
  const errs = validatePod(obj);
  const spec = pod.spec ?? ({ containers: [] } as PodSpec);
  const oldSpec = oldPod.spec ?? ({ containers: [] } as PodSpec);
  for (const [field, next, prev] of [
    ['spec.containers', spec.containers, oldSpec.containers],
    ['spec.initContainers', spec.initContainers, oldSpec.initContainers],
  ] as const) {
    const result = validateContainerUpdates(next, prev, field);
    errs.push(...result.errs);
    if (result.stop) return errs;
  }
  const deadline = spec.activeDeadlineSeconds;
  const oldDeadline = oldSpec.activeDeadlineSeconds;
  if (deadline !== undefined) {
    if (deadline < 0 || deadline > 2147483647) {
      errs.push(invalid('spec.activeDeadlineSeconds', String(deadline), inclusiveRangeError(0, 2147483647)));
      return errs;
    }
    if (oldDeadline !== undefined && oldDeadline < deadline) {
      errs.push(invalid('spec.activeDeadlineSeconds', String(deadline), 'must be less than or equal to previous value'));
      return errs;
    }
  } else if (oldDeadline !== undefined) {
    errs.push(invalid('spec.activeDeadlineSeconds', 'null', 'must not update from a positive integer to nil value'));
  }
  // validateOnlyAddedTolerations: existing tolerations stay, only their tolerationSeconds may change.
  const tolerations = spec.tolerations ?? [];
  for (const oldToleration of oldSpec.tolerations ?? []) {
    const kept = tolerations.some((t) => sameJson({ ...oldToleration, tolerationSeconds: t.tolerationSeconds }, t));
    if (!kept) {
      errs.push(forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'));
      break;
    }
  }
  if (sameJson(spec, oldSpec)) return errs;
  const munged = deepCopy(spec) as Mutable<PodSpec>;
  for (const [i, container] of (munged.containers ?? []).entries()) setImage(container, oldSpec.containers?.[i]?.image);
  for (const [i, container] of (munged.initContainers ?? []).entries()) setImage(container, oldSpec.initContainers?.[i]?.image);
  setOrDelete(munged, 'activeDeadlineSeconds', oldSpec.activeDeadlineSeconds);
  setOrDelete(munged, 'schedulingGates', oldSpec.schedulingGates);
  setOrDelete(munged, 'tolerations', oldSpec.tolerations);
  const oldGrace = oldSpec.terminationGracePeriodSeconds;
  if (oldGrace !== undefined && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = oldGrace;
  const diff = podSpecDiff(oldSpec, munged);
  if (diff !== '') {
    errs.push(forbidden('spec', `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${diff}`));
  }
  return errs;
}

function setImage(container: { image?: string }, image: string | undefined): void {
  if (image === undefined) delete container.image;
  else container.image = image;
}

function setOrDelete<K extends keyof Mutable<PodSpec>>(spec: Mutable<PodSpec>, key: K, value: Mutable<PodSpec>[K] | undefined): void {
  if (value === undefined) delete spec[key];
  else spec[key] = deepCopy(value);
}

export const podDefinition: ResourceDefinition = {
  info: {
    group: '',
    version: 'v1',
    name: 'pods',
    singularName: 'pod',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
    verbs: [...STANDARD_VERBS],
    categories: ['all'],
    subresources: ['status', 'log', 'exec', 'attach', 'portforward', 'binding', 'eviction', 'resize'],
  },
  applyDefaults: applyPodDefaults,
  admitCreate: admitPod,
  validateCreate: validatePod,
  validateUpdate: validatePodUpdate,
  // PrepareForCreate sets generation 1 and updatePodGeneration bumps it for any spec change, so the
  // kubelet can report which spec it has seen (status.observedGeneration, GA in v1.35).
  hasSpecChange: (obj, old) => stableStringify(obj.spec) !== stableStringify(old.spec),
  subresourceStrategies: { resize: podResizeStrategy },
  tableColumns: podColumns,
  tableRow: (obj, ctx) => podTableRow(obj as Pod, ctx.nowMs),
  // kubectl describe node lists the pods of one node.
  indexedFields: ['spec.nodeName'],
  fieldsForSelector: (obj) => {
    const pod = obj as Pod;
    return {
      'spec.nodeName': pod.spec?.nodeName ?? '',
      'spec.restartPolicy': pod.spec?.restartPolicy ?? '',
      'spec.schedulerName': pod.spec?.schedulerName ?? '',
      'spec.serviceAccountName': pod.spec?.serviceAccountName ?? '',
      'spec.hostNetwork': String(pod.spec?.hostNetwork ?? false),
      'status.phase': pod.status?.phase ?? '',
      'status.podIP': pod.status?.podIP ?? '',
      'status.nominatedNodeName': pod.status?.nominatedNodeName ?? '',
    };
  },
};
