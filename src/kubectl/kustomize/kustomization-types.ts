/**
 * The Go types of the kustomization fields whose entries we read by shape (`components`,
 * `replacements`): an unknown field, or a value of the wrong JSON type, fails as the strict
 * encoding/json decoder words it, naming the struct, the field's path (embedded structs by their Go
 * name) and its Go type.
 */
import { KustomizeError } from './kustomize-error.ts';

type Schema = 'string' | 'int' | 'bool' | { list: Schema; goType: string } | { struct: string; goType: string; fields: Record<string, [path: string, schema: Schema]> };

const OPTIONS: Schema = {
  struct: 'FieldOptions',
  goType: 'types.FieldOptions',
  fields: { delimiter: ['delimiter', 'string'], index: ['index', 'int'], encoding: ['encoding', 'string'], create: ['create', 'bool'] },
};

const resIdFields = (): Record<string, [string, Schema]> => ({
  group: ['ResId.Gvk.group', 'string'],
  version: ['ResId.Gvk.version', 'string'],
  kind: ['ResId.Gvk.kind', 'string'],
  name: ['ResId.name', 'string'],
  namespace: ['ResId.namespace', 'string'],
});

const SELECTOR: Schema = {
  struct: 'Selector',
  goType: 'types.Selector',
  fields: { ...resIdFields(), labelSelector: ['labelSelector', 'string'], annotationSelector: ['annotationSelector', 'string'] },
};

const REPLACEMENT: Schema = {
  struct: 'ReplacementField',
  goType: 'types.ReplacementField',
  fields: {
    path: ['path', 'string'],
    sourceValue: ['Replacement.sourceValue', 'string'],
    source: [
      'Replacement.source',
      { struct: 'SourceSelector', goType: 'types.SourceSelector', fields: { ...resIdFields(), fieldPath: ['fieldPath', 'string'], options: ['options', OPTIONS] } },
    ],
    targets: [
      'Replacement.targets',
      {
        list: {
          struct: 'TargetSelector',
          goType: 'types.TargetSelector',
          fields: {
            select: ['select', SELECTOR],
            reject: ['reject', { list: SELECTOR, goType: '[]*types.Selector' }],
            fieldPaths: ['fieldPaths', { list: 'string', goType: '[]string' }],
            options: ['options', OPTIONS],
          },
        },
        goType: '[]*types.TargetSelector',
      },
    ],
  },
};

const KUSTOMIZATION_FIELDS: Record<string, Schema> = {
  components: { list: 'string', goType: '[]string' },
  replacements: { list: REPLACEMENT, goType: '[]types.ReplacementField' },
};

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'number') return 'number';
  return typeof v === 'boolean' ? 'bool' : 'string';
}

const goTypeOf = (schema: Schema) => (typeof schema === 'string' ? schema : schema.goType);

interface Decoder {
  /** What the decoding error is prefixed with. */
  prefix: string;
  strict: boolean;
}

/** Throws the first type error in the value, as json.Unmarshal into `owner.path` would. */
function check(value: unknown, schema: Schema, owner: string, path: string, d: Decoder): void {
  if (value === null || value === undefined) return;
  const fail = (what = jsonType(value)) => {
    const field = path === '' ? `Go value of type ${goTypeOf(schema)}` : `Go struct field ${owner}.${path} of type ${goTypeOf(schema)}`;
    throw new KustomizeError(`${d.prefix}json: cannot unmarshal ${what} into ${field}`);
  };
  if (schema === 'string') return void (typeof value !== 'string' && fail());
  if (schema === 'bool') return void (typeof value !== 'boolean' && fail());
  if (schema === 'int') {
    if (typeof value !== 'number') fail();
    else if (!Number.isInteger(value)) fail(`number ${value}`);
    return;
  }
  if ('list' in schema) {
    if (!Array.isArray(value)) return fail();
    for (const item of value) check(item, schema.list, owner, path, d);
    return;
  }
  if (typeof value !== 'object' || Array.isArray(value)) return fail();
  for (const [key, field] of Object.entries(value)) {
    const known = schema.fields[key];
    if (!known) {
      if (d.strict) throw new KustomizeError(`${d.prefix}json: unknown field "${key}"`);
      continue;
    }
    check(field, known[1], schema.struct, path === '' ? known[0] : `${path}.${known[0]}`, d);
  }
}

/** Models the typed decoding of `components` and `replacements` in types.Kustomization. */
export function checkKustomizationTypes(kustomization: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(kustomization)) {
    const schema = KUSTOMIZATION_FIELDS[key];
    if (schema) check(value, schema, 'Kustomization', key, { prefix: 'invalid Kustomization: ', strict: true });
  }
}

/**
 * A replacements file's content (one replacement or a list), decoded as sigs.k8s.io/yaml does:
 * unknown fields are ignored, a wrong type fails.
 */
export function checkReplacementFileTypes(value: unknown): void {
  const decoder = { prefix: 'error unmarshaling JSON: while decoding JSON: ', strict: false };
  const replacement = { ...(REPLACEMENT as Extract<Schema, { struct: string }>), struct: 'Replacement', goType: 'types.Replacement' };
  const fields = Object.fromEntries(
    Object.entries(replacement.fields).map(([k, [path, schema]]) => [k, [path.replace(/^Replacement\./, ''), schema]]),
  ) as typeof replacement.fields;
  check(value, Array.isArray(value) ? { list: { ...replacement, fields }, goType: '[]types.Replacement' } : { ...replacement, fields }, 'Replacement', '', decoder);
}
