/**
 * Derives struct-fields.json from the OpenAPI definitions: for each kind, its definition; for each
 * definition that is a struct (has properties), its json fields and the struct each one holds
 * (directly or as list items), '' for anything else. The three-way merge walks it as
 * strategicpatch walks the Go types (LookupPatchMetadataForStruct). struct-fields.test.ts keeps the
 * file in sync (`npx vitest run src/lib/strategic-merge -u` rewrites it).
 */

type Schema = { [key: string]: unknown };

export interface StructFields {
  /** `group/version/Kind` (`/v1/Pod` for the core group) -> definition name. */
  kinds: Record<string, string>;
  /** Definition name -> json field -> the definition of the struct it holds, or ''. */
  structs: Record<string, Record<string, string>>;
}

export function buildStructFields(definitions: Readonly<Record<string, Schema>>): StructFields {
  const isStruct = (name: string): boolean => definitions[name]?.properties !== undefined;
  const out: StructFields = { kinds: {}, structs: {} };
  for (const name of Object.keys(definitions).sort()) {
    const schema = definitions[name]!;
    if (!isStruct(name)) continue;
    for (const gvk of (schema['x-kubernetes-group-version-kind'] as { group: string; version: string; kind: string }[] | undefined) ?? []) {
      const key = `${gvk.group}/${gvk.version}/${gvk.kind}`;
      if (!Object.hasOwn(out.kinds, key)) out.kinds[key] = name;
    }
    const fields: Record<string, string> = {};
    for (const [field, child] of Object.entries(schema.properties as Record<string, Schema>)) {
      const target = refName(child) ?? refName(child.items);
      fields[field] = target !== undefined && isStruct(target) ? target : '';
    }
    out.structs[name] = fields;
  }
  return out;
}

function refName(schema: unknown): string | undefined {
  const ref = (schema as Schema | undefined)?.$ref;
  return typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : undefined;
}
