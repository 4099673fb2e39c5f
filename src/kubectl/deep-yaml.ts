/**
 * YAML documents nested too deep for the yaml package's composer, which recurses per level and
 * runs out of stack after a few hundred: kubectl reads them up to go-yaml's and encoding/json's
 * limits of 10,000 levels. The parsed CST is walked with an explicit stack instead; scalars still
 * resolve through the yaml package, one at a time, so `~`, `0x10` or `.inf` mean the same here.
 * Anchors, aliases, tags and complex keys in such a document are not modelled: they read as the
 * node-content error below.
 */
import { CST, parse, type LineCounter } from 'yaml';

/** Up to this depth the yaml package's composer reads a document safely. */
export const COMPOSE_DEPTH = 200;
/** go-yaml's max_flow_level and max_indents, and encoding/json's maxNestingDepth. */
const MAX_DEPTH = 10_000;

/** The value of one deep document, or the error after `error parsing FILE: `. */
export type DeepDocument = { value: unknown } | { error: string } | { code: string; offset: number };

/** How many collections deep a CST node goes, counted without recursion and without going past `limit`. */
export function cstDepthExceeds(root: CST.Token | undefined, limit: number): boolean {
  const work: [CST.Token | undefined, number][] = [[root, 0]];
  while (work.length > 0) {
    const [token, depth] = work.pop()!;
    if (!token || !isCollection(token)) continue;
    if (depth + 1 > limit) return true;
    for (const item of token.items) {
      if ('key' in item && item.key) work.push([item.key, depth + 1]);
      work.push([item.value, depth + 1]);
    }
  }
  return false;
}

type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;

function isCollection(token: CST.Token): token is Collection {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
}

interface Frame {
  token: Collection;
  out: Record<string, unknown> | unknown[];
  at: number;
  depth: number;
  flows: number;
  blocks: number;
}

/**
 * Models go-yaml's scanner limits (scannerc.go yaml_parser_increase_flow_level, yaml_parser_roll_indent):
 * more than 10,000 open flow or block collections fail at the one that opens past them; a document
 * within both but more than 10,000 collections deep in all fails when sigs.k8s.io/yaml decodes its JSON.
 */
export function deepDocumentValue(root: CST.Token | undefined, lines: LineCounter): DeepDocument {
  const scalars = new Map<string, unknown>();
  let jsonDepthError: string | undefined;
  const work: Frame[] = [];
  let result: unknown = null;

  /** A node's value; a collection is placed empty and filled when its frame is worked. */
  const open = (token: CST.Token | undefined, parent: Frame | undefined): unknown => {
    if (!token) return null;
    if (token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar' || token.type === 'block-scalar') {
      let broken: Failure | undefined;
      // go-yaml's parser, inside a flow collection, wants the separator or the end after a node.
      const flowEnd = parent?.token.type === 'flow-collection' ? (Array.isArray(parent.out) ? 'FLOW_SEQ_END' : 'FLOW_MAP_END') : undefined;
      const { value, type } = CST.resolveAsScalar(token, true, (offset, code) => (broken ??= new Failure({ code: flowEnd ?? code, offset })));
      return broken ?? (type === 'PLAIN' ? plainValue(value, scalars) : value);
    }
    if (!isCollection(token)) return new Failure({ code: 'UNEXPECTED_TOKEN', offset: 'offset' in token ? token.offset : 0 });
    const isFlow = token.type === 'flow-collection';
    const isMap = token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{');
    const frame: Frame = {
      token,
      out: isMap ? {} : [],
      at: 0,
      depth: (parent?.depth ?? 0) + 1,
      flows: (parent?.flows ?? 0) + (isFlow ? 1 : 0),
      blocks: (parent?.blocks ?? 0) + (isFlow ? 0 : 1),
    };
    if (frame.flows > MAX_DEPTH || frame.blocks > MAX_DEPTH) {
      return new Failure({ error: `error converting YAML to JSON: yaml: ${lineOf(openingOffset(token), lines)}exceeded max depth of ${MAX_DEPTH}` });
    }
    if (frame.depth > MAX_DEPTH && !jsonDepthError) {
      jsonDepthError = `error unmarshaling JSON: while decoding JSON: invalid character '${isMap ? '{' : '['}' exceeded max depth`;
    }
    work.push(frame);
    return frame.out;
  };

  const first = open(root, undefined);
  if (first instanceof Failure) return first.why;
  result = first;
  while (work.length > 0) {
    const frame = work[work.length - 1]!;
    const item = frame.token.items[frame.at++];
    if (!item) {
      work.pop();
      if (frame.token.type === 'flow-collection' && !frame.token.end.some((t) => t.type === 'flow-map-end' || t.type === 'flow-seq-end')) {
        return { code: 'MISSING_CHAR', offset: frame.token.offset };
      }
      continue;
    }
    const unmodelled = [...item.start, ...(('sep' in item && item.sep) || [])].find((t) => t.type === 'anchor' || t.type === 'tag' || t.type === 'explicit-key-ind');
    if (unmodelled || item.value?.type === 'alias' || (item.key && !isScalarToken(item.key))) {
      return { code: 'UNEXPECTED_TOKEN', offset: unmodelled?.offset ?? frame.token.offset };
    }
    if (Array.isArray(frame.out)) {
      if (item.key || item.sep?.some((t) => t.type === 'map-value-ind')) return { code: 'UNEXPECTED_TOKEN', offset: frame.token.offset };
      const value = open(item.value, frame);
      if (value instanceof Failure) return value.why;
      frame.out.push(value);
      continue;
    }
    if (!item.key && !item.value) continue;
    const keyValue = item.key ? open(item.key, undefined) : null;
    if (keyValue instanceof Failure) return keyValue.why;
    const key = keyText(keyValue);
    if (Object.hasOwn(frame.out, key)) return { code: 'DUPLICATE_KEY', offset: item.key && 'offset' in item.key ? item.key.offset : frame.token.offset };
    const value = open(item.value, frame);
    if (value instanceof Failure) return value.why;
    frame.out[key] = value;
  }
  return jsonDepthError ? { error: jsonDepthError } : { value: result };
}

/** Why a node could not be read, told apart from any value a document holds. */
class Failure {
  constructor(readonly why: Exclude<DeepDocument, { value: unknown }>) {}
}

function isScalarToken(token: CST.Token): boolean {
  return token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar';
}

/** A map key as the yaml package's toJSON writes it: a null key is the empty string. */
function keyText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function plainValue(text: string, cache: Map<string, unknown>): unknown {
  if (cache.has(text)) return cache.get(text);
  let value: unknown;
  try {
    value = parse(text, { logLevel: 'error' }) as unknown;
  } catch {
    value = text;
  }
  if (value !== null && typeof value === 'object') value = text;
  cache.set(text, value);
  return value;
}

/** Where go-yaml's scanner stands when it opens a collection: the bracket, the first key's `:` or the first `-`. */
function openingOffset(token: Collection): number {
  if (token.type === 'flow-collection') return token.start.offset;
  const first = token.items[0];
  const marker = [...(first?.start ?? []), ...((first && 'sep' in first && first.sep) || [])].find((t) => t.type === 'map-value-ind' || t.type === 'seq-item-ind');
  return marker?.offset ?? token.offset;
}

/** go-yaml leaves the line out of an error on the first line. */
function lineOf(offset: number, lines: LineCounter): string {
  const { line } = lines.linePos(offset);
  return line > 1 ? `line ${line}: ` : '';
}
