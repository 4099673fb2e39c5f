/**
 * Models plugin/pkg/admission/limitranger for pods: containers get the default requests and
 * limits of the namespace's LimitRanges (noted in the `kubernetes.io/limit-ranger` annotation),
 * then every Container and Pod item's min, max and maxLimitRequestRatio is enforced.
 */
import type { Container, LimitRange, Pod } from 'kubernetes-types/core/v1';
import { compareValues, quantityOf, type ResourceList } from '../resources/resource-list.ts';
import { aggregateMessage, type AdmissionAttributes, type AdmissionPlugin } from './admission-plugin.ts';
import { podLimits, podRequests } from './pod-resources.ts';

const ANNOTATION = 'kubernetes.io/limit-ranger';

type Item = { type?: string; min?: ResourceList; max?: ResourceList; default?: ResourceList; defaultRequest?: ResourceList; maxLimitRequestRatio?: ResourceList };
type Resources = { requests?: ResourceList; limits?: ResourceList };

function limitRangesOf(a: AdmissionAttributes): LimitRange[] {
  return (a.ctx.store.list('limitranges', a.namespace) as LimitRange[]).sort((x, y) => (x.metadata!.name! < y.metadata!.name! ? -1 : 1));
}

const itemsOf = (lr: LimitRange) => (lr.spec?.limits ?? []) as Item[];

/** Models mergeContainerResources: what was set, as the annotation's `cpu, memory request for container web`. */
function mergeContainerResources(container: Container, defaults: Resources, prefix: string): string[] {
  const resources = ((container as { resources?: Resources }).resources ??= {});
  const setLimits: string[] = [];
  const setRequests: string[] = [];
  for (const [k, v] of Object.entries(defaults.limits ?? {})) {
    if (resources.limits?.[k] !== undefined) continue;
    (resources.limits ??= {})[k] = v;
    setLimits.push(k);
  }
  for (const [k, v] of Object.entries(defaults.requests ?? {})) {
    if (resources.requests?.[k] !== undefined) continue;
    (resources.requests ??= {})[k] = v;
    setRequests.push(k);
  }
  const notes: string[] = [];
  if (setRequests.length) notes.push(`${setRequests.sort().join(', ')} request for ${prefix} ${container.name}`);
  if (setLimits.length) notes.push(`${setLimits.sort().join(', ')} limit for ${prefix} ${container.name}`);
  return notes;
}

function admitPod(a: AdmissionAttributes): undefined {
  const pod = a.obj as Pod;
  for (const lr of limitRangesOf(a)) {
    // Models defaultContainerResourceRequirements: the Container items' defaults, later items winning.
    const defaults: Resources = {};
    for (const item of itemsOf(lr)) {
      if (item.type !== 'Container') continue;
      defaults.requests = { ...defaults.requests, ...item.defaultRequest };
      defaults.limits = { ...defaults.limits, ...item.default };
    }
    const notes = [
      ...(pod.spec?.containers ?? []).flatMap((c) => mergeContainerResources(c, defaults, 'container')),
      ...(pod.spec?.initContainers ?? []).flatMap((c) => mergeContainerResources(c, defaults, 'init container')),
    ];
    if (notes.length) pod.metadata = { ...pod.metadata, annotations: { ...pod.metadata?.annotations, [ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` } };
  }
  return undefined;
}

const text = (value: string | number) => quantityOf(value)?.text ?? String(value);
const numeric = (value: string | number | undefined) => {
  const q = value === undefined ? undefined : quantityOf(value);
  return q ? Number(q.n) * 10 ** q.e : 0;
};

/** Models minConstraint, maxConstraint and limitRequestRatioConstraint. */
function checkResource(kind: 'min' | 'max' | 'ratio', limitType: string, name: string, enforced: string, requests: ResourceList, limits: ResourceList): string | undefined {
  const req = requests[name];
  const lim = limits[name];
  const e = text(enforced);
  if (kind === 'min') {
    if (req === undefined) return `minimum ${name} usage per ${limitType} is ${e}.  No request is specified`;
    if (compareValues(req, enforced) < 0) return `minimum ${name} usage per ${limitType} is ${e}, but request is ${text(req)}`;
    if (lim !== undefined && compareValues(lim, enforced) < 0) return `minimum ${name} usage per ${limitType} is ${e}, but limit is ${text(lim)}`;
    return undefined;
  }
  if (kind === 'max') {
    if (lim === undefined) return `maximum ${name} usage per ${limitType} is ${e}.  No limit is specified`;
    if (compareValues(lim, enforced) > 0) return `maximum ${name} usage per ${limitType} is ${e}, but limit is ${text(lim)}`;
    if (req !== undefined && compareValues(req, enforced) > 0) return `maximum ${name} usage per ${limitType} is ${e}, but request is ${text(req)}`;
    return undefined;
  }
  if (req === undefined || numeric(req) === 0) return `${name} max limit to request ratio per ${limitType} is ${e}, but no request is specified or request is 0`;
  if (lim === undefined || numeric(lim) === 0) return `${name} max limit to request ratio per ${limitType} is ${e}, but no limit is specified or limit is 0`;
  const ratio = numeric(lim) / numeric(req);
  return ratio > numeric(enforced) ? `${name} max limit to request ratio per ${limitType} is ${e}, but provided ratio is ${ratio.toFixed(6)}` : undefined;
}

function checkItem(item: Item, limitType: string, requests: ResourceList, limits: ResourceList): string[] {
  const errs: string[] = [];
  const each = (kind: 'min' | 'max' | 'ratio', list: ResourceList | undefined) => {
    for (const name of Object.keys(list ?? {}).sort()) {
      const err = checkResource(kind, limitType, name, list![name]!, requests, limits);
      if (err) errs.push(err);
    }
  };
  each('min', item.min);
  each('max', item.max);
  each('ratio', item.maxLimitRequestRatio);
  return errs;
}

/** Models PodValidateLimitFunc: per container for Container items, the pod's totals for Pod items. */
function validatePod(a: AdmissionAttributes): string | undefined {
  const pod = a.obj as Pod;
  for (const lr of limitRangesOf(a)) {
    const errs: string[] = [];
    for (const item of itemsOf(lr)) {
      if (item.type === 'Container') {
        for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
          const r = (c.resources ?? {}) as Resources;
          errs.push(...checkItem(item, 'Container', r.requests ?? {}, r.limits ?? {}));
        }
      }
      if (item.type === 'Pod') errs.push(...checkItem(item, 'Pod', podRequests(pod), podLimits(pod)));
    }
    const message = aggregateMessage(errs);
    if (message) return message;
  }
  return undefined;
}

export const limitRanger: AdmissionPlugin = {
  admit: (a) => (a.group === '' && a.resource === 'pods' ? admitPod(a) : undefined),
  validate: (a) => (a.group === '' && a.resource === 'pods' ? validatePod(a) : undefined),
};
