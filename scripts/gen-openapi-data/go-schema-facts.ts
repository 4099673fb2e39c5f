/**
 * What the OpenAPI v3 documents add to the v2 swagger.json: enum values with their
 * "Possible enum values" paragraph, and the defaults openapi-gen writes. Both come from the Go
 * types, so they are read from k8s.io/api and k8s.io/apimachinery.
 * Models k8s.io/kube-openapi pkg/generators/enum.go and openapi.go (mustEnforceDefault).
 */
import type { GoConst, GoField, GoPackage } from './go-types.ts';

export interface PropertyFacts {
  default?: unknown;
  itemsDefault?: unknown;
  valuesDefault?: unknown;
  enum?: string[];
  /** Appended to the description: "\n\nPossible enum values:\n - ...". */
  enumDescription?: string;
}

const BUILTIN_ZERO: Record<string, unknown> = {
  string: '',
  bool: false,
  int: 0,
  int32: 0,
  int64: 0,
  uint: 0,
  uint32: 0,
  uint64: 0,
  float32: 0,
  float64: 0,
  byte: 0,
};

export class GoUniverse {
  readonly #packages = new Map<string, GoPackage | undefined>();
  readonly #load: (importPath: string) => GoPackage | undefined;

  /** `load` reads a package by import path, or answers undefined for one outside the checkouts. */
  constructor(load: (importPath: string) => GoPackage | undefined) {
    this.#load = load;
  }

  pkg(path: string): GoPackage | undefined {
    if (!this.#packages.has(path)) this.#packages.set(path, this.#load(path));
    return this.#packages.get(path);
  }

  /** Resolves `alias.Name` or `Name` written in `pkgPath` to the package and type name. */
  resolveName(pkgPath: string, expr: string): { pkgPath: string; name: string } {
    const dot = expr.indexOf('.');
    if (dot < 0) return { pkgPath, name: expr };
    const imported = this.pkg(pkgPath)?.imports.get(expr.slice(0, dot));
    return { pkgPath: imported ?? expr.slice(0, dot), name: expr.slice(dot + 1) };
  }

  /** Fields of a struct with inline embeddings flattened, keyed by JSON name. */
  fields(pkgPath: string, name: string): Map<string, { field: GoField; pkgPath: string }> {
    const out = new Map<string, { field: GoField; pkgPath: string }>();
    for (const field of this.pkg(pkgPath)?.structs.get(name) ?? []) {
      if (field.inline || field.jsonName === '') {
        const inner = this.resolveName(pkgPath, field.type.replace(/^\*/, ''));
        for (const [k, v] of this.fields(inner.pkgPath, inner.name)) out.set(k, v);
      } else {
        out.set(field.jsonName, { field, pkgPath });
      }
    }
    return out;
  }

  /** The default openapi-gen enforces for a value of this Go type (mustEnforceDefault). */
  enforcedDefault(pkgPath: string, type: string, omitEmpty: boolean): unknown {
    if (type.startsWith('*') || type.startsWith('[]') || type.startsWith('map[') || type === 'interface{}') return undefined;
    if (type in BUILTIN_ZERO) return omitEmpty ? undefined : BUILTIN_ZERO[type];
    const { pkgPath: where, name } = this.resolveName(pkgPath, type);
    if (where === 'time' && name === 'Time') return {};
    const pkg = this.pkg(where);
    const struct = pkg?.structs.get(name);
    if (struct) {
      const only = struct.length === 1 ? struct[0] : undefined;
      if (only && only.jsonName === '' && !only.inline) return this.enforcedDefault(where, only.type, omitEmpty);
      return {};
    }
    const underlying = pkg?.named.get(name);
    if (underlying !== undefined) return this.enforcedDefault(where, underlying, omitEmpty);
    throw new Error(`unknown Go type ${type} in ${pkgPath}`);
  }

  enumOf(pkgPath: string, type: string): { values: string[]; lines: string[] } | undefined {
    const { pkgPath: where, name } = this.resolveName(pkgPath, type.replace(/^\*/, ''));
    const pkg = this.pkg(where);
    if (!pkg?.enums.has(name)) return undefined;
    // openapi-gen takes every constant of the type; k8s declares them beside the type.
    const consts: GoConst[] = [];
    for (const c of pkg.consts.get(name) ?? []) if (!consts.some((seen) => seen.value === c.value)) consts.push(c);
    const lines = consts.map((c) => {
      const comment = c.comments
        .join(' ')
        .trim()
        .replace(new RegExp(`^${c.name}`), '')
        .trim()
        .replace(/\s+/g, ' ');
      return ` - \`${JSON.stringify(c.value)}\` ${comment}`.trimEnd();
    });
    return { values: consts.map((c) => c.value).sort(), lines: lines.sort() };
  }
}

/** `+default=<json>` or `+default=ref(ConstName)`. */
function explicitDefault(universe: GoUniverse, pkgPath: string, comments: string[]): unknown {
  for (const c of comments) {
    const m = /^\s*\+default=(.*)$/.exec(c);
    if (!m) continue;
    const ref = /^ref\((\w+)\)$/.exec(m[1]!.trim());
    if (!ref) return JSON.parse(m[1]!.trim());
    for (const consts of universe.pkg(pkgPath)?.consts.values() ?? []) {
      const found = consts.find((k) => k.name === ref[1]);
      if (found) return found.value;
    }
    throw new Error(`default ${m[1]} not found in ${pkgPath}`);
  }
  return undefined;
}

export function propertyFacts(universe: GoUniverse, pkgPath: string, field: GoField): PropertyFacts {
  const facts: PropertyFacts = {};
  const def = explicitDefault(universe, pkgPath, field.comments) ?? universe.enforcedDefault(pkgPath, field.type, field.omitEmpty);
  if (def !== undefined) facts.default = def;
  const slice = /^\[\](.*)$/.exec(field.type) ?? namedUnderlying(universe, pkgPath, field.type, /^\[\](.*)$/);
  if (slice && slice[1] !== 'byte') {
    const item = universe.enforcedDefault(pkgPath, slice[1]!, false);
    if (item !== undefined) facts.itemsDefault = item;
  }
  const map = /^map\[[^\]]+\](.*)$/.exec(field.type) ?? namedUnderlying(universe, pkgPath, field.type, /^map\[[^\]]+\](.*)$/);
  if (map) {
    const value = universe.enforcedDefault(pkgPath, map[1]!, false);
    if (value !== undefined) facts.valuesDefault = value;
  }
  const enumType = universe.enumOf(pkgPath, field.type);
  if (enumType) {
    facts.enum = enumType.values;
    facts.enumDescription = `\n\nPossible enum values:\n${enumType.lines.join('\n')}`;
  }
  return facts;
}

/** Named slices and maps (`Verbs []string`, `ResourceList map[ResourceName]resource.Quantity`) default their elements too. */
function namedUnderlying(universe: GoUniverse, pkgPath: string, type: string, shape: RegExp): RegExpExecArray | null {
  if (type.startsWith('*') || type.startsWith('[') || type.startsWith('map[')) return null;
  const { pkgPath: where, name } = universe.resolveName(pkgPath, type);
  const underlying = universe.pkg(where)?.named.get(name);
  return underlying ? shape.exec(underlying) : null;
}
