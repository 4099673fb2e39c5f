/**
 * A set of field paths, the tree FieldsV1 serialises: each node is one path element, spelled as
 * FieldsV1 spells it (`f:name`, `k:{"name":"web"}`, `v:"x"`, `i:0`); `self` marks the path itself
 * as a member (FieldsV1's `.` when the node also has children).
 * Models sigs.k8s.io/structured-merge-diff fieldpath.Set and its FieldsV1 serialisation.
 */
export interface FieldSet {
  self: boolean;
  children: Map<string, FieldSet>;
}

export type FieldPath = readonly string[];

export function emptyFieldSet(): FieldSet {
  return { self: false, children: new Map() };
}

export function insertPath(set: FieldSet, path: FieldPath): void {
  let node = set;
  for (const element of path) {
    let child = node.children.get(element);
    if (!child) {
      child = emptyFieldSet();
      node.children.set(element, child);
    }
    node = child;
  }
  node.self = true;
}

export function hasPath(set: FieldSet, path: FieldPath): boolean {
  let node: FieldSet | undefined = set;
  for (const element of path) {
    node = node.children.get(element);
    if (!node) return false;
  }
  return node.self;
}

export function isEmptySet(set: FieldSet): boolean {
  return !set.self && set.children.size === 0;
}

export function unionSets(a: FieldSet, b: FieldSet): FieldSet {
  const out: FieldSet = { self: a.self || b.self, children: new Map() };
  for (const [key, child] of a.children) {
    const other = b.children.get(key);
    out.children.set(key, other ? unionSets(child, other) : child);
  }
  for (const [key, child] of b.children) if (!a.children.has(key)) out.children.set(key, child);
  return out;
}

/** Members of `a` that are not members of `b` (a member of `b` does not remove `a`'s deeper paths). */
export function differenceSets(a: FieldSet, b: FieldSet): FieldSet {
  const out: FieldSet = { self: a.self && !b.self, children: new Map() };
  for (const [key, child] of a.children) {
    const other = b.children.get(key);
    const kept = other ? differenceSets(child, other) : child;
    if (!isEmptySet(kept)) out.children.set(key, kept);
  }
  return out;
}

/** Members of `a` that are neither members of `b` nor below one. */
export function recursiveDifferenceSets(a: FieldSet, b: FieldSet): FieldSet {
  if (b.self) return emptyFieldSet();
  const out: FieldSet = { self: a.self, children: new Map() };
  for (const [key, child] of a.children) {
    const other = b.children.get(key);
    const kept = other ? recursiveDifferenceSets(child, other) : child;
    if (!isEmptySet(kept)) out.children.set(key, kept);
  }
  return out;
}

/** Whether some member of `a` is a member of `b`: cheaper than an empty intersection test. */
export function overlaps(a: FieldSet, b: FieldSet): boolean {
  if (a.self && b.self) return true;
  for (const [key, child] of a.children) {
    const other = b.children.get(key);
    if (other && overlaps(child, other)) return true;
  }
  return false;
}

export function intersectSets(a: FieldSet, b: FieldSet): FieldSet {
  const out: FieldSet = { self: a.self && b.self, children: new Map() };
  for (const [key, child] of a.children) {
    const other = b.children.get(key);
    if (!other) continue;
    const both = intersectSets(child, other);
    if (!isEmptySet(both)) out.children.set(key, both);
  }
  return out;
}

/** Every member path in fieldpath.Set.Iterate order: a node's members first, then its children's. */
export function memberPaths(set: FieldSet, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  const keys = [...set.children.keys()].sort();
  for (const key of keys) if (set.children.get(key)!.self) out.push([...prefix, key]);
  for (const key of keys) {
    const child = set.children.get(key)!;
    if (child.children.size > 0) out.push(...memberPaths({ self: false, children: child.children }, [...prefix, key]));
  }
  return out;
}

/**
 * Every leaf of every FieldsV1 is `{}`: one frozen object serves them all, which most of a stored
 * object's managedFields consists of (14 Events per pod each carry a dozen leaves).
 */
const LEAF: Record<string, unknown> = Object.freeze({});

/** The FieldsV1 JSON of a set: `.` first, then path elements in order. */
export function toFieldsV1(set: FieldSet): Record<string, unknown> {
  if (set.children.size === 0) return LEAF;
  const out: Record<string, unknown> = {};
  if (set.self && set.children.size > 0) out['.'] = {};
  for (const key of [...set.children.keys()].sort()) out[key] = toFieldsV1(set.children.get(key)!);
  return out;
}

export function fromFieldsV1(json: unknown): FieldSet {
  const set = emptyFieldSet();
  if (json === null || typeof json !== 'object') return set;
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (key === '.') {
      set.self = true;
      continue;
    }
    const child = fromFieldsV1(value);
    if (child.children.size === 0) child.self = true;
    set.children.set(key, child);
  }
  return set;
}

/**
 * A path as conflict messages print it: `.spec.replicas`,
 * `.spec.template.spec.containers[name="web"].image`. Models fieldpath.Path.String.
 */
export function formatPath(path: FieldPath): string {
  return path
    .map((element) => {
      const kind = element.slice(0, 2);
      const rest = element.slice(2);
      if (kind === 'f:') return `.${rest}`;
      if (kind === 'i:') return `[${rest}]`;
      if (kind === 'v:') return `[=${rest}]`;
      const key = JSON.parse(rest) as Record<string, unknown>;
      return `[${Object.entries(key)
        .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
        .join(',')}]`;
    })
    .join('');
}
