/**
 * Replacement field paths: `spec.template.spec.containers.[name=web].image`, `args.0`, `*`.
 * Splitting models kyaml utils.SmarterPathSplitter; reading a source models yaml.Lookup (exact
 * `[k=v]`), finding targets models yaml.PathMatcher (`[k=v]` an unanchored Go regexp, `*` every
 * element, missing parts created when asked).
 */
import { RE2JS, RE2JSSyntaxException } from 're2js';
import { toYaml } from '../printers/yaml-printer.ts';
import { KustomizeError } from './kustomize-error.ts';

type Container = Record<string, unknown> | unknown[];

/** A field a replacement reads or writes: the value lives at `holder[key]`. */
export interface FieldRef {
  holder: Container;
  key: string | number;
  /** Created by this replacement: its scalar type comes from the value, not from the field. */
  created: boolean;
}

/** Splits at dots, keeping `\.` and a bracketed `[k=v.w]` whole; a bracketed `[a.b]` spanning dots loses its brackets. */
export function splitFieldPath(path: string): string[] {
  let parts = path.split('.');
  if (parts.length > 1 && parts[0] === '') parts = parts.slice(1);
  const joined: string[] = [parts[0]!];
  for (const part of parts.slice(1)) {
    const last = joined.length - 1;
    if (joined[last]!.endsWith('\\')) joined[last] = `${joined[last]!.slice(0, -1)}.${part}`;
    else joined.push(part);
  }
  const out: string[] = [];
  for (let i = 0; i < joined.length; i++) {
    const part = joined[i]!;
    if (!part.startsWith('[') || part.endsWith(']')) {
      out.push(part);
      continue;
    }
    const bracketed = [part];
    while (i < joined.length - 1) {
      bracketed.push(joined[++i]!);
      if (joined[i]!.endsWith(']')) break;
    }
    const text = bracketed.join('.');
    out.push(text.includes('=') ? text : text.replace(/^[[\]]+|[[\]]+$/g, ''));
  }
  return out;
}

const isIndex = (part: string) => /^\d+$/.test(part);
const isListMatch = (part: string) => part.startsWith('[') && part.endsWith(']');
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function nodeKind(v: unknown): string {
  if (Array.isArray(v)) return 'SequenceNode';
  return isMap(v) ? 'MappingNode' : 'ScalarNode';
}

/** A scalar's text as kyaml holds it (`Value`). */
export function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? '' : String(v as string | number | boolean);
}

function wrongKind(expected: string, v: unknown): KustomizeError {
  const contents = isMap(v) || Array.isArray(v) ? toYaml(v).replace(/\n$/, '') : scalarText(v);
  return new KustomizeError(`wrong node kind: expected ${expected} but got ${nodeKind(v)}: node contents:\n${contents}`);
}

function splitMatch(part: string): [string, string] {
  const inner = part.slice(1, -1);
  const eq = inner.indexOf('=');
  if (eq < 0) throw new KustomizeError('list path element must contain fieldName=fieldValue for element to match');
  return [inner.slice(0, eq), inner.slice(eq + 1)];
}

/** The value at `path` in `root`, or undefined. Models yaml.Lookup. */
export function lookupField(root: unknown, path: string[]): unknown {
  let node = root;
  for (const part of path) {
    if (node === undefined || node === null) return undefined;
    if (isListMatch(part)) {
      if (!Array.isArray(node)) throw wrongKind('SequenceNode', node);
      const [field, value] = splitMatch(part);
      node = field === '' ? node.find((item) => scalarText(item) === value) : node.find((item) => isMap(item) && scalarText(item[field]) === value);
    } else if (isIndex(part) && Array.isArray(node)) {
      node = node[Number(part)];
    } else {
      if (!isMap(node)) throw wrongKind('MappingNode', node);
      node = node[part];
    }
  }
  return node;
}

/** The kind a created part takes: a list before `[k=v]` or an index, the value's own kind last, else a map. */
function createdContainer(next: string | undefined, valueKind: unknown): unknown {
  if (next === undefined) return Array.isArray(valueKind) ? [] : isMap(valueKind) ? {} : null;
  return isListMatch(next) || isIndex(next) ? [] : {};
}

/**
 * The fields `path` reaches from `root`; with `create` (the value to write), missing parts are
 * made on the way. Models yaml.PathMatcher.
 */
export function matchFields(root: unknown, path: string[], create: unknown, creating: boolean, ref?: FieldRef): FieldRef[] {
  if (path.length === 0) return ref ? [ref] : [];
  const [part, ...rest] = path as [string, ...string[]];
  const node = root;
  if (isIndex(part)) {
    if (!Array.isArray(node)) throw wrongKind('SequenceNode', node);
    const idx = Number(part);
    let made = false;
    if (node.length === idx && creating) {
      node.push(createdContainer(rest[0], create));
      made = true;
    }
    if (node.length < idx + 1) throw new KustomizeError(`index ${idx} specified but only ${node.length} elements found`);
    return matchFields(node[idx], rest, create, creating, { holder: node, key: idx, created: made });
  }
  if (isListMatch(part)) {
    const [field, pattern] = splitMatch(part);
    if (!Array.isArray(node)) throw wrongKind('SequenceNode', node);
    const regex = goRegexp(pattern);
    const found: FieldRef[] = [];
    node.forEach((item, i) => {
      if (field === '') {
        if (regex.matches(scalarText(item))) found.push({ holder: node, key: i, created: false });
      } else if (isMap(item) && item[field] !== undefined && item[field] !== null && regex.matches(scalarText(item[field]).trim())) {
        found.push(...matchFields(item, rest, create, creating, { holder: node, key: i, created: false }));
      }
    });
    if (found.length > 0 || !creating) return found;
    node.push(field === '' ? pattern : { [field]: pattern });
    return matchFields(node, path, create, creating, ref);
  }
  if (part === '*') {
    if (!Array.isArray(node)) throw wrongKind('SequenceNode', node);
    return node.flatMap((item, i) => matchFields(item, rest, create, creating, { holder: node, key: i, created: false }));
  }
  if (!isMap(node)) throw wrongKind('MappingNode', node);
  let made = false;
  if (node[part] === undefined) {
    if (!creating) return [];
    node[part] = createdContainer(rest[0], create);
    made = true;
  }
  return matchFields(node[part], rest, create, creating, { holder: node, key: part, created: made });
}

/** A `[k=v]` value compiled as Go's regexp does, its syntax errors in Go's words (re2js ports RE2's parser). */
function goRegexp(pattern: string): { matches(text: string): boolean } {
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (error) {
    if (!(error instanceof RE2JSSyntaxException)) throw error;
    throw new KustomizeError(error.message);
  }
  return { matches: (text) => re.matcher(text).find() };
}
