/**
 * The words a failed check uses for what it looked at: `deployment frontend`, `pods matching
 * app=web in namespace prod`, and for a JSONPath the field it reads (`image`, `ready replicas`),
 * so a learner reads a sentence instead of the check's own notation.
 */
import type { ObjectRef } from '../schema.ts';

/** Plurals and short names of the kinds labs check, to the singular kubectl prints in `kind/name`. */
const SINGULAR: Record<string, string> = {
  po: 'pod',
  deploy: 'deployment',
  rs: 'replicaset',
  svc: 'service',
  cm: 'configmap',
  ns: 'namespace',
  ds: 'daemonset',
  sts: 'statefulset',
  sa: 'serviceaccount',
  ep: 'endpoints',
  endpoints: 'endpoints',
  ing: 'ingress',
  ingresses: 'ingress',
  pv: 'persistentvolume',
  pvc: 'persistentvolumeclaim',
  hpa: 'horizontalpodautoscaler',
  netpol: 'networkpolicy',
  networkpolicies: 'networkpolicy',
};

export function singularOf(resource: string): string {
  const lower = resource.toLowerCase().split('.')[0]!;
  return SINGULAR[lower] ?? (lower.endsWith('s') ? lower.slice(0, -1) : lower);
}

function pluralOf(resource: string): string {
  const one = singularOf(resource);
  if (one === 'endpoints') return one;
  return one.endsWith('y') ? `${one.slice(0, -1)}ies` : one.endsWith('s') ? `${one}es` : `${one}s`;
}

const inNamespace = (ref: ObjectRef): string => (ref.namespace && ref.namespace !== 'default' ? ` in namespace ${ref.namespace}` : '');

/** One named object (`deployment frontend`) or the set a selector picks (`pods matching app=web`). */
export function subjectOf(ref: ObjectRef): string {
  if (ref.name) return `${singularOf(ref.resource)} ${ref.name}${inNamespace(ref)}`;
  return `${pluralOf(ref.resource)}${ref.labelSelector ? ` matching ${ref.labelSelector}` : ''}${inNamespace(ref)}`;
}

/** `1 pod matching app=web`, `3 pods matching app=web`. */
export function countOf(ref: ObjectRef, n: number): string {
  return n === 1 ? `1 ${singularOf(ref.resource)}${subjectOf(ref).slice(pluralOf(ref.resource).length)}` : `${n} ${subjectOf(ref)}`;
}

/** What a check that needs the object says when there is none. */
export function notFound(ref: ObjectRef): string {
  return ref.name ? `found no ${singularOf(ref.resource)} ${ref.name}${inNamespace(ref)}; expected it to exist` : `found no ${subjectOf(ref)}; expected at least one`;
}

const LIST_NOUNS: Record<string, string> = { env: 'env var', initContainers: 'init container', ephemeralContainers: 'ephemeral container' };

/** Fields named as a learner says them; any other field keeps its own (last) name. */
const FIELD_WORDS: Record<string, string> = {
  'strategy.type': 'strategy',
  'strategy.rollingUpdate': 'rolling update settings',
  'strategy.rollingUpdate.maxSurge': 'maxSurge',
  'strategy.rollingUpdate.maxUnavailable': 'maxUnavailable',
  readyReplicas: 'ready replicas',
  availableReplicas: 'available replicas',
  updatedReplicas: 'updated replicas',
  'metadata.uid': 'uid',
  'metadata.generation': 'generation',
  'metadata.resourceVersion': 'resourceVersion',
  'readinessProbe.httpGet.path': 'readiness probe path',
  'livenessProbe.httpGet.path': 'liveness probe path',
  'hostPath.path': 'hostPath',
  'selector.matchLabels': 'selector',
  'status.phase': 'phase',
  paused: 'paused',
};

/**
 * A JSONPath as words: `{.spec.template.spec.containers[?(@.name=="web")].image}` is the `image`
 * of `container web`; `{.spec.template.metadata.labels.version}` is the `label version`. The
 * first element of a list is the only one in most objects, so `containers[0]` adds no words.
 */
export function fieldOf(path: string): { field: string; within: string[] } {
  let rest = path.trim().replace(/^\{/, '').replace(/\}$/, '').replace(/^\./, '');
  const within: string[] = [];
  rest = rest.replace(/^spec\.template\./, '').replace(/^spec\./, '');
  // Each list element the path picks becomes a "container web" (by name) or "container 1" (by index).
  // Each list element the path picks by name becomes `container web`; past the first, by index, `container 2`.
  rest = rest.replace(/(?:^|\.)(\w+)\[(?:\?\(@\.name\s*==\s*["']([^"']+)["']\)|(\d+))\]/g, (_m, list: string, name?: string, index?: string) => {
    const noun =
      LIST_NOUNS[list] ??
      list
        .replace(/s$/, '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase();
    if (name !== undefined) within.push(`${noun} ${name}`);
    else if (Number(index) > 0) within.push(`${noun} ${Number(index) + 1}`);
    return '.';
  });
  rest = rest.replace(/^\.+|\.+$/g, '').replace(/\.\.+/g, '.');
  const label = /^(?:metadata\.)?(labels|annotations|matchLabels|data)\.(.+)$/.exec(rest) ?? /^selector\.matchLabels\.(.+)$/.exec(rest);
  if (label) {
    if (label.length === 2) return { field: `selector label ${label[1]}`, within };
    const kind = label[1] === 'labels' ? 'label' : label[1] === 'annotations' ? 'annotation' : label[1] === 'data' ? 'key' : 'selector label';
    return { field: `${kind} ${label[2]}`, within };
  }
  const known = FIELD_WORDS[rest] ?? FIELD_WORDS[rest.replace(/^status\./, '')];
  if (known) return { field: known, within };
  return { field: rest.replace(/^(?:status|metadata)\./, '') || path, within };
}

/** `deployment frontend` or, inside a list, `deployment frontend (container web)`. */
export function subjectWithin(ref: ObjectRef, within: string[]): string {
  return within.length > 0 ? `${subjectOf(ref)} (${within.join(', ')})` : subjectOf(ref);
}

/** Values as kubectl prints them, unquoted; only an empty string needs quotes to be seen. */
export function showValue(value: string): string {
  return value === '' ? '""' : value;
}
