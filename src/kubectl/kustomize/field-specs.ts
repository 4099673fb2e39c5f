/**
 * Where a transformer writes: kustomize's field specs (a kind filter, a slash path, whether to
 * create the field). A list on the path is walked item by item, as kustomize's fsslice does.
 */
import type { KubeObject } from '../../engine/api/client.ts';

export interface FieldSpec {
  /** Kinds the spec applies to; every kind when absent. */
  kinds?: string[];
  path: string;
  create?: boolean;
}

type JsonMap = Record<string, unknown>;

const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Calls `visit` with the map holding the field and the field's key, for every match of the spec. */
export function visitFieldSpec(obj: KubeObject, spec: FieldSpec, visit: (holder: JsonMap, key: string) => void): void {
  if (spec.kinds && !spec.kinds.includes(obj.kind ?? '')) return;
  walk(obj as JsonMap, spec.path.split('/'), spec.create ?? false, visit);
}

function walk(node: unknown, path: string[], create: boolean, visit: (holder: JsonMap, key: string) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, path, create, visit);
    return;
  }
  if (!isMap(node)) return;
  const [head, ...rest] = path;
  const key = head!.replace(/\[\]$/, '');
  if (rest.length === 0) {
    if (key in node || create) visit(node, key);
    return;
  }
  if (!(key in node) || node[key] === null) {
    if (!create) return;
    node[key] = {};
  }
  walk(node[key], rest, create, visit);
}

const WORKLOADS = ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job'];

/** The pod specs of an object's kind, as paths below the object. */
export function podSpecPaths(kind: string): string[] {
  if (kind === 'Pod') return ['spec'];
  if (WORKLOADS.includes(kind) || kind === 'ReplicationController' || kind === 'PodTemplate') return kind === 'PodTemplate' ? ['template/spec'] : ['spec/template/spec'];
  if (kind === 'CronJob') return ['spec/jobTemplate/spec/template/spec'];
  return [];
}
