/**
 * `replacements`: copy one field (or a fixed `sourceValue`) into fields of the selected objects,
 * last of a kustomization's transformers. A scalar target keeps its type (`port: 80` takes
 * "8080" as 8080), a created one takes the type its text reads as.
 * Models kustomize api/filters/replacement/replacement.go (v5.7.1) and its ResId selection.
 */
import { parse } from 'yaml';
import { goQuote } from '../../lib/jsonpath/go-value-format.ts';
import { matchesLabels, parseLabelSelector } from '../../lib/label-selector/label-selector.ts';
import { KustomizeError } from './kustomize-error.ts';
import { lookupField, matchFields, scalarText, splitFieldPath } from './field-path.ts';
import { CLUSTER_SCOPED_KINDS } from './names-namespaces.ts';
import { groupOf, nameOf, namespaceOfObject, versionOf, type Resource } from './resource.ts';

export interface ResIdSelector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

export interface FieldOptions {
  delimiter?: string;
  index?: number;
  encoding?: string;
  create?: boolean;
}

export interface ReplacementSource extends ResIdSelector {
  fieldPath?: string;
  options?: FieldOptions;
}

export interface TargetSelector {
  select?: ResIdSelector & { labelSelector?: string; annotationSelector?: string };
  reject?: (ResIdSelector & { labelSelector?: string; annotationSelector?: string })[];
  fieldPaths?: string[];
  options?: FieldOptions;
}

export interface Replacement {
  source?: ReplacementSource;
  targets?: TargetSelector[];
  sourceValue?: string;
}

const DEFAULT_FIELD_PATH = 'metadata.name';

/** resid.ResId.String: `Deployment.v1.apps/web.prod`, `[noKind].[noVer].[noGrp]/x.[noNs]`. */
function resIdString(id: ResIdSelector): string {
  return `${id.kind || '[noKind]'}.${id.version || '[noVer]'}.${id.group || '[noGrp]'}/${id.name || '[noName]'}.${id.namespace || '[noNs]'}`;
}

function sourceString(source: ReplacementSource): string {
  const parts = [resIdString(source)];
  if (source.fieldPath) parts.push(source.fieldPath);
  const o = source.options;
  if (o && (o.delimiter || o.create)) parts.push(`${o.delimiter ?? ''}(${o.index ?? 0}), create=${o.create === true}`);
  return parts.join(':');
}

interface Id {
  group: string;
  version: string;
  kind: string;
  name: string;
  namespace: string;
}

/** The ids an object answers to: its own and the one it had before names were changed. */
function idsOf(r: Resource): Id[] {
  const base = { group: groupOf(r.obj), version: versionOf(r.obj), kind: r.obj.kind ?? '', namespace: namespaceOfObject(r.obj) };
  const ids = [{ ...base, name: nameOf(r.obj) }];
  if (r.originalName !== nameOf(r.obj)) ids.push({ ...base, name: r.originalName });
  return ids;
}

/** resid.ResId.EffectiveNamespace: none for a cluster-scoped kind, `default` for an empty one. */
function effectiveNamespace(kind: string | undefined, namespace: string | undefined): string {
  if (kind && CLUSTER_SCOPED_KINDS.has(kind)) return '~X';
  return namespace || 'default';
}

/** resid.ResId.IsSelectedBy: every field the selector sets must be equal. */
function isSelectedBy(id: Id, sel: ResIdSelector): boolean {
  if (sel.name && sel.name !== id.name) return false;
  if (sel.namespace && effectiveNamespace(sel.kind, sel.namespace) !== effectiveNamespace(id.kind, id.namespace)) return false;
  if (sel.group && sel.group !== id.group) return false;
  if (sel.version && sel.version !== id.version) return false;
  return !sel.kind || sel.kind === id.kind;
}

const isEmptyId = (sel: ResIdSelector) => !sel.group && !sel.version && !sel.kind && !sel.name && !sel.namespace;

function matchesSelectors(r: Resource, sel: { labelSelector?: string; annotationSelector?: string }): boolean {
  const matches = (selector: string | undefined, map: Record<string, string> | undefined) => {
    if (!selector) return true;
    const parsed = parseLabelSelector(selector);
    if (!parsed.ok) throw new KustomizeError(parsed.message);
    return matchesLabels(parsed.requirements, map ?? {});
  };
  return matches(sel.annotationSelector, r.obj.metadata?.annotations) && matches(sel.labelSelector, r.obj.metadata?.labels);
}

function selectSource(resources: Resource[], source: ReplacementSource): Resource {
  const matches = resources.filter((r) => idsOf(r).some((id) => isSelectedBy(id, source)));
  if (matches.length > 1) throw new KustomizeError(`multiple matches for selector ${sourceString(source)}`);
  if (matches.length === 0) throw new KustomizeError(`nothing selected by ${sourceString(source)}`);
  return matches[0]!;
}

const isNilOrEmpty = (v: unknown) =>
  v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

function replacementValue(resources: Resource[], r: Replacement): unknown {
  if (r.sourceValue !== undefined && r.source) throw new KustomizeError('value and resource selectors are mutually exclusive');
  if (r.sourceValue !== undefined) return String(r.sourceValue);
  const source = r.source!;
  const obj = selectSource(resources, source).obj;
  const fieldPath = source.fieldPath || DEFAULT_FIELD_PATH;
  const value = lookupField(obj, splitFieldPath(fieldPath));
  if (isNilOrEmpty(value)) throw new KustomizeError(`fieldPath \`${fieldPath}\` is missing for replacement source ${resIdString(source)}`);
  const delimiter = source.options?.delimiter;
  if (!delimiter) return value;
  if (typeof value === 'object') throw new KustomizeError('delimiter option can only be used with scalar nodes');
  const parts = scalarText(value).split(delimiter);
  const index = source.options?.index ?? 0;
  if (index >= parts.length || index < 0) throw new KustomizeError(`options.index ${index} is out of bounds for value ${scalarText(value)}`);
  return parts[index];
}

/** A scalar's text read back as YAML reads a plain scalar: a number, a boolean, null or a string. */
function resolvePlain(text: string): unknown {
  try {
    const v = parse(text) as unknown;
    return typeof v === 'object' && v !== null ? text : v;
  } catch {
    return text;
  }
}

/** A copied scalar keeps the target's type where its text allows (setFieldValue copies only the Value). */
function typedLike(target: unknown, text: string): unknown {
  if (typeof target === 'string') return text;
  const resolved = resolvePlain(text);
  if (typeof target === 'number') return typeof resolved === 'number' ? resolved : text;
  if (typeof target === 'boolean') return typeof resolved === 'boolean' ? resolved : text;
  return resolved;
}

function setFieldValue(holder: Record<string, unknown> | unknown[], key: string | number, created: boolean, options: FieldOptions | undefined, value: unknown): void {
  const target = (holder as Record<string | number, unknown>)[key];
  let next = value;
  if (options?.delimiter) {
    if (typeof target === 'object' && target !== null) throw new KustomizeError('delimiter option can only be used with scalar nodes');
    const parts = scalarText(target).split(options.delimiter);
    const index = options.index ?? 0;
    const text = scalarText(value);
    if (index < 0) parts.unshift(text);
    else if (index >= parts.length) parts.push(text);
    else parts[index] = text;
    next = parts.join(options.delimiter);
  }
  const isScalarTarget = typeof target !== 'object' || target === null;
  (holder as Record<string | number, unknown>)[key] = isScalarTarget ? typedLike(created ? null : target, scalarText(next)) : (JSON.parse(JSON.stringify(next)) as unknown);
}

function fieldError(fieldPath: string, create: boolean, cause?: string): KustomizeError {
  // replacement.go formats the path with %q.
  const head = create ? `unable to find or create field ${goQuote(fieldPath)} in replacement target` : `unable to find field ${goQuote(fieldPath)} in replacement target`;
  return new KustomizeError(cause === undefined ? head : `${head}: ${cause}`);
}

function copyValueToTarget(r: Resource, value: unknown, selector: TargetSelector): void {
  const create = selector.options?.create === true;
  for (const fieldPath of selector.fieldPaths!) {
    let fields;
    try {
      fields = matchFields(r.obj, splitFieldPath(fieldPath), value, create);
    } catch (error) {
      if (!(error instanceof KustomizeError)) throw error;
      throw fieldError(fieldPath, create, error.message);
    }
    if (fields.length === 0) throw fieldError(fieldPath, create);
    for (const f of fields) setFieldValue(f.holder, f.key, f.created, selector.options, value);
  }
  // Labels and annotations are written back as string maps.
  for (const map of [r.obj.metadata?.labels, r.obj.metadata?.annotations] as unknown[]) {
    if (typeof map !== 'object' || map === null || Array.isArray(map)) continue;
    for (const [k, v] of Object.entries(map)) if (typeof v === 'number' || typeof v === 'boolean') (map as Record<string, unknown>)[k] = String(v);
  }
}

function applyReplacement(resources: Resource[], value: unknown, targets: TargetSelector[]): void {
  for (const selector of targets) {
    if (!selector.select) throw new KustomizeError('target must specify resources to select');
    if (!selector.fieldPaths || selector.fieldPaths.length === 0) selector.fieldPaths = [DEFAULT_FIELD_PATH];
    const select = selector.select;
    const rejects = selector.reject ?? [];
    for (const r of resources) {
      if (!matchesSelectors(r, select)) continue;
      if (rejects.some((rej) => (rej.annotationSelector || rej.labelSelector) && matchesSelectors(r, rej))) continue;
      const ids = idsOf(r);
      if (rejects.some((rej) => !isEmptyId(rej) && ids.some((id) => isSelectedBy(id, rej)))) continue;
      if (ids.some((id) => isSelectedBy(id, select))) copyValueToTarget(r, value, selector);
    }
  }
}

/** Runs the replacements in order over the objects, in place. */
export function runReplacements(resources: Resource[], replacements: Replacement[]): void {
  for (const r of replacements) {
    if ((r.sourceValue === undefined && !r.source) || !r.targets) throw new KustomizeError('replacements must specify a source and at least one target');
    applyReplacement(resources, replacementValue(resources, r), r.targets);
  }
}
