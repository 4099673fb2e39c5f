/** Reads `-f FILE|DIR|-` into objects, with kubectl's YAML error wording. */
import { Composer, Lexer, LineCounter, type CST, type Document } from 'yaml';
import type { KubeObject } from '../engine/api/client.ts';
import type { CommandContext } from '../shell/command.ts';
import { KubectlError } from './errors.ts';
import { runNested, type NestedStep } from '../lib/deep-json/nested-run.ts';
import { stringifyJson } from '../lib/deep-json/deep-json.ts';
import { newFlatYamlParser } from './flat-yaml-parser.ts';
import { COMPOSE_DEPTH, cstDepthExceeds, deepDocumentValue, type DeepDocument } from './deep-yaml.ts';
import { scanJsonStreamSliced } from './json-syntax-error.ts';
import { kustomizeDirectory } from './kustomize/kustomize-dir.ts';
import { type CrdLister, ListItemSchemas } from './list-item-validation.ts';
import { manifestSources } from './manifest-sources.ts';
import { invalidMapKey } from './yaml-map-key.ts';
import { goYamlError, hasControlCharacters, type YamlFault } from './go-yaml-error.ts';
import { documentValue } from './document-value.ts';
import { sliceDocument, slicedValue, type SlicedDocument } from './sliced-compose.ts';
import { klogLine } from './klog-line.ts';
import { blankMidDocumentDirectives } from './mid-document-directive.ts';
import { hasMultilineFlowKey } from './multiline-flow-key.ts';

export interface Manifest {
  file: string;
  obj: KubeObject;
  /** Which List document of the files the object is an item of: its errors are reported together. */
  list?: number;
}

/** How to read the files: field validation as `--validate` asks, and where custom kinds' schemas come from. */
export interface ManifestOptions {
  validation?: 'Strict' | 'Warn' | 'Ignore';
  listCrds?: CrdLister;
  /** Whether a document of this kind holding `items` is a list the server's kinds map (`ConfigMapList`). */
  isListKind?: (obj: KubeObject) => boolean;
  kustomize?: string | undefined;
  recursive?: boolean;
}

/** One object of the files, or why one file (or the rest of it) could not be read. */
export type ManifestEntry = Manifest | { file: string; error: string; list?: number };

/** `-k DIR` instead of the files; `-R`: a directory's subdirectories too. */
export interface ReadOptions {
  kustomize?: string | undefined;
  recursive?: boolean;
}

/**
 * What one slice of reading (LEXEMES_PER_CHECKPOINT lexemes, a chunk of a long List) and one List
 * item's validation weigh against a shell loop's round: a slice takes milliseconds, a round
 * microseconds, and the shell yields every 64 rounds.
 */
const SLICE_WEIGHT = 64;
const ITEM_WEIGHT = 8;

/**
 * Every object of the files in order, a file's parse error in its place: kubectl's builder goes on
 * with the other files and reports the errors together. A missing path fails at once.
 * Models cli-runtime/pkg/resource/visitor.go ExpandPathsToFileVisitors and StreamVisitor.
 */
export async function visitManifests(ctx: CommandContext, files: string[], options: ManifestOptions = {}): Promise<ManifestEntry[]> {
  if (options.kustomize !== undefined) return kustomizeManifests(ctx, options.kustomize);
  const validation = options.validation ?? 'Strict';
  const validate = validation !== 'Ignore';
  const schemas = new ListItemSchemas(options.listCrds);
  const out: ManifestEntry[] = [];
  let lists = 0;
  for (const { name, text } of manifestSources(ctx, files, options.recursive ?? false)) {
    const documents = await documentsOf(name, text, () => ctx.checkpoint(SLICE_WEIGHT));
    for (const doc of documents) {
      if ('error' in doc) {
        out.push({ file: name, error: doc.error });
        break;
      }
      const value = doc.value;
      if (value === null || value === undefined) continue;
      const invalid = (why: string) => ({
        file: name,
        error: `error validating "${name}": error validating data: ${why}; if you choose to ignore these errors, turn validation off with --validate=false`,
      });
      const undecodable = validate ? undefined : typeMetaDecodeError(value);
      if (undecodable) {
        out.push({ file: name, error: `unable to decode "${name}": ${undecodable}` });
        break;
      }
      const problem = validate ? typeMetaProblem(value) : undefined;
      if (problem) {
        out.push(invalid(problem));
        break;
      }
      const badMetadata = objectMetaDecodeError(value);
      if (badMetadata) {
        out.push({ file: name, error: `unable to decode "${name}": ${badMetadata}` });
        break;
      }
      const list = value as KubeObject;
      const items = Array.isArray(list.items) && (list.kind === 'List' || options.isListKind?.(list)) ? (list.items as unknown[]) : undefined;
      if (!items) {
        out.push({ file: name, obj: value as KubeObject });
        continue;
      }
      // The server checks no List's fields (query-param verifier): strict checks the items here,
      // warn says it cannot and sends them on (validation/schema.go paramVerifyingSchema).
      if (validation === 'Warn')
        ctx.stderr.write(klogLine('W', ctx.time.now(), 'schema.go:145', 'cannot perform warn validation if server-side field validation is unsupported, skipping validation'));
      // Only a v1 List is checked item by item; any other list as a whole, by its kind's schema
      // (schemaValidation.ValidateBytes).
      const itemProblem =
        validation !== 'Strict'
          ? items.map((item) => typeMetaProblem(typedListItem(list, item as KubeObject), { allowMissing: true })).find((p) => p !== undefined)
          : list.apiVersion === 'v1' && list.kind === 'List'
            ? await listItemsProblem(items, schemas, () => ctx.checkpoint(ITEM_WEIGHT))
            : aggregate(await schemas.errorsOf(list as Record<string, unknown>));
      if (itemProblem) {
        out.push(invalid(itemProblem));
        break;
      }
      // An item that is a list itself reaches meta.ExtractList as a plain Unstructured, which
      // refuses it: the whole List is then refused (cli-runtime FlattenListVisitor).
      if (items.some((item) => Array.isArray((item as Record<string, unknown>).items))) {
        out.push({ file: name, error: '*unstructured.Unstructured is not a list: no Items field in this object' });
        break;
      }
      const id = ++lists;
      for (const item of items as KubeObject[]) {
        const typed = typedListItem(list, item);
        const missing = missingTypeInfo(typed);
        out.push(missing ? { file: name, error: missing, list: id } : { file: name, obj: typed, list: id });
      }
    }
  }
  return out;
}

/**
 * The documents of one file, or the error that stops reading it. A file that starts with `{` is a
 * JSON stream first; when it is not JSON, YAML reads it, and when YAML cannot either, kubectl
 * reports the JSON decoder's error.
 */
async function documentsOf(name: string, text: string, checkpoint: () => Promise<void>): Promise<({ value: unknown } | { error: string })[]> {
  // apimachinery's YAMLOrJSONDecoder reads a stream that starts with `{` as JSON first; JSON.parse
  // reads a List of 10,000 items in milliseconds, where composing it as YAML takes most of a second.
  let jsonError: string | undefined;
  if (/^\s*\{/.test(text)) {
    const scan = await scanJsonStreamSliced(text, checkpoint);
    await checkpoint();
    if ('ends' in scan) return jsonValues(text, scan.ends);
    jsonError = scan.error;
  }
  const parsed = await parseYamlDocuments(blankMidDocumentDirectives(text), checkpoint);
  const first = parsed.docs[0];
  const yamlFailed = first !== undefined && ('error' in first || 'code' in first || ('errors' in first && (first.errors.length > 0 || hasMultilineFlowKey(first, text))));
  if (jsonError !== undefined && yamlFailed) return [{ error: `error parsing ${name}: ${jsonError}` }];
  const { docs, parts } = parsed;
  const out: ({ value: unknown } | { error: string })[] = [];
  const yamlError = (fault: YamlFault) => `error parsing ${name}: error converting YAML to JSON: yaml: ${goYamlError(text, fault)}`;
  if (hasControlCharacters(text)) return [{ error: `error parsing ${name}: error converting YAML to JSON: yaml: control characters are not allowed` }];
  for (const doc of docs) {
    if ('value' in doc) out.push(doc);
    else if ('error' in doc) out.push({ error: `error parsing ${name}: ${doc.error}` });
    else if ('code' in doc) out.push({ error: yamlError(doc) });
    else if (doc.errors.length > 0) out.push({ error: yamlError(faultOf(doc.errors[0]!)) });
    else {
      const badKey = invalidMapKey(doc);
      if (badKey !== undefined) {
        out.push({ error: `error parsing ${name}: error converting YAML to JSON: yaml: invalid map key: ${badKey}` });
        break;
      }
      try {
        const cuts = parts.get(doc.range[0]);
        out.push({ value: cuts ? await slicedValue({ doc, cuts }, checkpoint) : await documentValue(doc, checkpoint) });
      } catch (error) {
        // An alias to an anchor never set: go-yaml's parser refuses it by name.
        if (!(error instanceof ReferenceError)) throw error;
        const anchor = /alias[^:]*: (.*)$/.exec(error.message)?.[1] ?? '';
        out.push({ error: `error parsing ${name}: error converting YAML to JSON: yaml: unknown anchor '${anchor}' referenced` });
      }
    }
    if ('error' in out[out.length - 1]!) break;
  }
  return out;
}

/** The values of a well-formed JSON stream, ending at `ends`. */
function jsonValues(text: string, ends: number[]): { value: unknown }[] {
  return ends.map((end, n) => ({ value: JSON.parse(text.slice(n === 0 ? 0 : ends[n - 1], end)) as unknown }));
}

/**
 * Why an object cannot be validated, or undefined. Models kubectl/pkg/validation getObjectKind:
 * apiVersion and kind must be present (a null counts as absent) and strings; both problems are
 * reported together, as an aggregate prints them.
 */
function typeMetaProblem(value: unknown, options: { allowMissing?: boolean } = {}): string | undefined {
  const problems = typeMetaProblems(value).filter((p) => !options.allowMissing || !p.endsWith(' not set'));
  if (problems.length === 0) return undefined;
  return problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`;
}

function typeMetaProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['invalid object to validate'];
  const { apiVersion, kind } = value as Record<string, unknown>;
  const problems: string[] = [];
  if (apiVersion === undefined || apiVersion === null) problems.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') problems.push("apiVersion isn't string type");
  if (kind === undefined || kind === null) problems.push('kind not set');
  else if (typeof kind !== 'string') problems.push("kind isn't string type");
  return problems;
}

/**
 * Why an unvalidated List item has no type for the builder (unstructured's ObjectKinds, kind
 * first), as FlattenListVisitor's infoForObject words it.
 */
function missingTypeInfo(item: KubeObject): string | undefined {
  const why = !item.kind
    ? "Object 'Kind' is missing in 'object has no kind field '"
    : !item.apiVersion
      ? "Object 'apiVersion' is missing in 'object has no apiVersion field'"
      : undefined;
  return why && `unable to get type info from the object "*unstructured.Unstructured": ${why}`;
}

/**
 * What validating a List's items finds, every item's errors in one aggregate (repeats once).
 * Models kubectl/pkg/validation schemaValidation.validateList.
 */
async function listItemsProblem(items: unknown[], schemas: ListItemSchemas, checkpoint: () => Promise<void>): Promise<string | undefined> {
  const errors = new Set<string>();
  for (const item of items) {
    await checkpoint();
    const problems = typeMetaProblems(item);
    for (const e of problems.length > 0 ? problems : await schemas.errorsOf(item as Record<string, unknown>)) errors.add(e);
  }
  return aggregate([...errors]);
}

/**
 * An item of a typed list (`ConfigMapList`) without apiVersion and kind takes the list's
 * (unstructured.go decodeToList: the server leaves them out of such items).
 */
function typedListItem(list: KubeObject, item: KubeObject): KubeObject {
  if (list.kind === 'List' || typeof item !== 'object' || item === null || item.apiVersion || item.kind) return item;
  return { ...item, apiVersion: String(list.apiVersion), kind: String(list.kind).slice(0, -'List'.length) };
}

/** utilerrors.NewAggregate's text: one error alone, several in brackets. */
function aggregate(errors: string[]): string | undefined {
  if (errors.length === 0) return undefined;
  return errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
}

/**
 * The documents of a YAML stream, as the yaml package's parseAllDocuments makes them, with the
 * host given a turn every LEXEMES_PER_CHECKPOINT tokens: lexing and parsing a 3 MB manifest takes
 * seconds in one go. A document too deep for the composer is read by deep-yaml.ts instead; the
 * items of a long List are composed one by one (sliced-compose.ts), `parts` by document offset.
 */
async function parseYamlDocuments(
  text: string,
  checkpoint: () => Promise<void>,
): Promise<{ docs: (Document.Parsed | DeepDocument)[]; lines: LineCounter; parts: Map<number, SlicedDocument['cuts']> }> {
  const lines = new LineCounter();
  const parser = newFlatYamlParser(lines.addNewLine);
  lines.addNewLine(0);
  // sigs.k8s.io/yaml reads a repeated key as the last one (yaml.v3 without uniqueness checks).
  const composer = new Composer({ logLevel: 'error', uniqueKeys: false });
  const docs: (Document.Parsed | DeepDocument)[] = [];
  const parts = new Map<number, SlicedDocument['cuts']>();
  let lexemes = 0;
  // Anchors, aliases, tags and directives tie a List's items together: such a file is composed whole.
  let hasProperties = false;
  const take = async (token: CST.Token) => {
    if (token.type !== 'document') {
      docs.push(...composer.next(token));
      return;
    }
    const sliced = await sliceDocument(token, text.length, hasProperties, checkpoint);
    const composed = sliced?.outer ?? token;
    if (cstDepthExceeds(composed.value, COMPOSE_DEPTH)) {
      docs.push(...composer.end());
      docs.push(deepDocumentValue(token.value, lines));
      return;
    }
    if (sliced) parts.set(token.offset, sliced.cuts);
    docs.push(...composer.next(composed));
  };
  for (const lexeme of new Lexer().lex(text)) {
    const c = lexeme[0];
    if (c === '&' || c === '*' || c === '!' || c === '%') hasProperties = true;
    for (const token of parser.next(lexeme)) await take(token);
    if (++lexemes % LEXEMES_PER_CHECKPOINT === 0) await checkpoint();
  }
  for (const token of parser.end()) await take(token);
  docs.push(...composer.end());
  return { docs, lines, parts };
}

const LEXEMES_PER_CHECKPOINT = 2000;

/**
 * With validation off, the type meta fails where the builder decodes it: a document that is no
 * object fails the detector, a kind absent or not a string counts as missing (and wins), an
 * apiVersion that is not a string fails Go's encoding/json; an absent apiVersion passes. The object is quoted as YAMLToJSON writes it, keys sorted.
 */
function typeMetaDecodeError(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `json: cannot unmarshal ${goTypeOf(value)} into Go value of type unstructured.detector`;
  const { apiVersion, kind } = value as Record<string, unknown>;
  if (typeof kind !== 'string' || kind === '') return `Object 'Kind' is missing in '${sortedJson(value)}'`;
  if (apiVersion === undefined || apiVersion === null || typeof apiVersion === 'string') return undefined;
  const goType = typeof apiVersion === 'number' ? 'number' : typeof apiVersion === 'boolean' ? 'bool' : Array.isArray(apiVersion) ? 'array' : 'object';
  return `json: cannot unmarshal ${goType} into Go struct field metadataOnlyObject.TypeMeta.apiVersion of type string`;
}

const goTypeOf = (v: unknown) => (typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : typeof v === 'string' ? 'string' : Array.isArray(v) ? 'array' : 'object');

/** The builder decodes each object's metadata into ObjectMeta: a name or namespace that is not a string fails there. */
function objectMetaDecodeError(value: unknown): string | undefined {
  const metadata = (value as Record<string, unknown>).metadata;
  if (metadata === undefined || metadata === null) return undefined;
  if (typeof metadata !== 'object' || Array.isArray(metadata)) {
    return `json: cannot unmarshal ${goTypeOf(metadata)} into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta`;
  }
  for (const field of ['name', 'generateName', 'namespace']) {
    const v = (metadata as Record<string, unknown>)[field];
    if (v !== undefined && v !== null && typeof v !== 'string') return `json: cannot unmarshal ${goTypeOf(v)} into Go struct field ObjectMeta.metadata.${field} of type string`;
  }
  return undefined;
}

/** YAMLToJSON's text of a document: keys sorted, at any depth. */
function sortedJson(value: unknown): string {
  return stringifyJson(runNested(sortedKeys(value)));
}

function* sortedKeys(value: unknown): NestedStep<unknown> {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) out.push(yield sortedKeys(item));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[key] = yield sortedKeys((value as Record<string, unknown>)[key]);
  return out;
}

/** `-k DIR`: the objects kustomize builds, each named after the directory (cli-runtime KustomizeVisitor). */
function kustomizeManifests(ctx: CommandContext, dir: string): Manifest[] {
  const { objects, warnings } = kustomizeDirectory(ctx, dir);
  for (const warning of warnings) ctx.stderr.write(`${warning}\n`);
  return objects.map((obj) => ({ file: dir, obj }));
}

/** The objects of the files (or of `-k DIR`); the first error ends the command. */
export async function readManifests(ctx: CommandContext, files: string[], options: ReadOptions = {}): Promise<Manifest[]> {
  const out: Manifest[] = [];
  for (const entry of await visitManifests(ctx, files, options)) {
    if ('error' in entry) throw new KubectlError(`error: ${entry.error}`);
    out.push(entry);
  }
  if (out.length === 0) throw new KubectlError('error: no objects passed to apply');
  return out;
}

/**
 * sigs.k8s.io/yaml YAMLToJSON's refusal of a patch's text as go-yaml words it (`yaml: line 2: did
 * not find expected key`), the same words `-f` files get; undefined when the text is YAML.
 */
export async function yamlToJsonError(text: string): Promise<string | undefined> {
  const { docs } = await parseYamlDocuments(text, () => Promise.resolve());
  const doc = docs[0];
  if (!doc || 'value' in doc) return undefined;
  if ('error' in doc) return doc.error.replace(/^error converting YAML to JSON: /, '');
  const first = 'code' in doc ? doc : doc.errors[0] && faultOf(doc.errors[0]);
  return first && `yaml: ${goYamlError(text, first)}`;
}

const faultOf = (e: { code: string; pos: [number, number]; message: string }): YamlFault => ({ code: e.code, offset: e.pos[0], message: e.message });
