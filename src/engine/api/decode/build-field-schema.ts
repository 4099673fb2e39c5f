/**
 * Derives the field schema (every field of every type, with its Go type) from the
 * kubernetes-types declaration files. field-schema.test.ts runs it over node_modules and keeps
 * field-schema.json in sync (`npx vitest run --project unit src/engine/api/decode -u` rewrites it).
 * kubernetes-types loses Go's integer widths and []byte; those come from the tables below.
 */
import { SCHEMA_ADDITIONS } from './schema-additions.ts';

/** Type name (`core/v1.Container`) -> field name -> Go type (`string`, `[]core/v1.EnvVar`…). */
export type FieldSchema = Record<string, Record<string, string>>;

/** Fields that are int64 in Go (every other integer is int32). */
const INT64_FIELDS = new Set([
  'activeDeadlineSeconds',
  'terminationGracePeriodSeconds',
  'runAsUser',
  'runAsGroup',
  'fsGroup',
  'supplementalGroups',
  'tolerationSeconds',
  'expirationSeconds',
  'generation',
  'deletionGracePeriodSeconds',
  'observedGeneration',
  'revision',
  'sizeBytes',
  'uid',
  'gid',
  'gracePeriodSeconds',
  'remainingItemCount',
]);
/** Fields that are []byte in Go (base64 in JSON). */
const BYTES_FIELDS = new Set(['core/v1.Secret.data', 'core/v1.ConfigMap.binaryData']);

function stripComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n');
}

function joinPath(base: string, relative: string): string {
  const parts = base.split('/');
  for (const part of relative.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

function parseImports(text: string, pkg: string): Map<string, string> {
  const imports = new Map<string, string>();
  const dir = pkg.split('/').slice(0, -1).join('/');
  for (const m of text.matchAll(/import \{([^}]*)\} from "([^"]+)";/g)) {
    const from = joinPath(dir, m[2]!);
    for (const name of m[1]!.split(',').map((s) => s.trim())) imports.set(name, from);
  }
  return imports;
}

function goType(tsType: string, field: string, pkg: string, owner: string, imports: Map<string, string>): string {
  const t = tsType.trim();
  if (t.startsWith('Array<') && t.endsWith('>')) return `[]${goType(t.slice(6, -1), field, pkg, owner, imports)}`;
  const map = /^\{\s*\[\w+: string\]: (.*);\s*\}$/s.exec(t);
  if (map) {
    const value = BYTES_FIELDS.has(`${pkg}.${owner}.${field}`) ? 'bytes' : goType(map[1]!, field, pkg, owner, imports);
    return `map[string]${value}`;
  }
  if (t === 'string' || /^"[^"]*"$/.test(t)) return 'string';
  if (t === 'boolean') return 'bool';
  if (t === 'number') return INT64_FIELDS.has(field) ? 'int64' : 'int32';
  if (t === 'number | string') return 'intstr';
  if (t === 'Quantity') return 'quantity';
  if (t === 'Time') return 'time';
  if (t === 'MicroTime') return 'microtime';
  if (t === 'RawExtension' || t === 'FieldsV1') return 'raw';
  if (/^\w+$/.test(t)) return `${imports.get(t) ?? pkg}.${t}`;
  throw new Error(`unsupported type ${t} of ${owner}.${field}`);
}

/** `declarations` maps a package (`core/v1`) to the text of its kubernetes-types .d.ts file. */
export function buildFieldSchema(declarations: Record<string, string>): FieldSchema {
  const types: FieldSchema = {};
  for (const [pkg, source] of Object.entries(declarations)) {
    const text = stripComments(source);
    const imports = parseImports(text, pkg);
    for (const m of text.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}/gm)) {
      const owner = m[1]!;
      const fields: Record<string, string> = {};
      for (const f of m[2]!.matchAll(/^ {4}(?:readonly )?(\w+)\??: ([\s\S]*?);\n(?= {4}\w|$)/gm)) {
        fields[f[1]!] = goType(f[2]!, f[1]!, pkg, owner, imports);
      }
      types[`${pkg}.${owner}`] = fields;
    }
  }
  for (const [type, fields] of Object.entries(SCHEMA_ADDITIONS)) types[type] = { ...(types[type] ?? {}), ...fields };
  return Object.fromEntries(
    Object.keys(types)
      .sort()
      .map((k) => [k, types[k]!]),
  );
}
