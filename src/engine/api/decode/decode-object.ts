/**
 * What the apiserver's JSON decoding does before any validation: Go type errors worded as
 * encoding/json words them (`json: cannot unmarshal number into Go struct field
 * Container.spec.containers.command of type string`), strict field validation (unknown field
 * paths), Secret base64 and Quantity syntax. Unknown fields are dropped from the result, as Go drops
 * them; the server decides whether they are an error (Strict) or warnings (Warn).
 */
import { deepCopy } from '../../store/deep-copy.ts';
import type { KubeObject } from '../client.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import schemaJson from './field-schema.json' with { type: 'json' };
import type { FieldSchema } from './build-field-schema.ts';
import { decodeGoBase64 } from './go-base64.ts';
import { quantitySyntaxError } from './quantity-syntax.ts';

const schema = schemaJson as FieldSchema;

export type DecodeResult = { ok: true; obj: KubeObject; unknownFields: string[] } | { ok: false; message: string };

const GROUP_PACKAGES: Record<string, string> = { '': 'core/v1', apps: 'apps/v1', 'discovery.k8s.io': 'discovery/v1' };

/** Thrown inside the walk: the first decode error ends decoding, as in Go. */
class DecodeError extends Error {}

interface Position {
  /** Go name of the innermost struct, e.g. `Container`. */
  struct: string;
  /** Dotted JSON field names without indices, as encoding/json's error context: `spec.containers.command`. */
  goPath: string;
  /** Path with indices, as strict decoding reports unknown fields: `spec.containers[0].imagePullPolice`. */
  strictPath: string;
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

function goTypeName(type: string): string {
  if (type.startsWith('[]')) return `[]${goTypeName(type.slice(2))}`;
  if (type.startsWith('map[string]')) return `map[string]${goTypeName(type.slice(11))}`;
  switch (type) {
    case 'quantity':
      return 'resource.Quantity';
    case 'intstr':
      return 'intstr.IntOrString';
    case 'time':
      return 'v1.Time';
    case 'microtime':
      return 'v1.MicroTime';
    case 'bytes':
      return '[]uint8';
    case 'raw':
      return 'runtime.RawExtension';
  }
  const dot = type.lastIndexOf('.');
  return dot < 0 ? type : `v1.${type.slice(dot + 1)}`;
}

function typeError(value: string, goType: string, at: Position): DecodeError {
  if (!at.goPath) return new DecodeError(`json: cannot unmarshal ${value} into Go value of type ${goType}`);
  return new DecodeError(`json: cannot unmarshal ${value} into Go struct field ${at.struct}.${at.goPath} of type ${goType}`);
}

const INT_RANGES: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

function decodeInt(value: unknown, goType: 'int32' | 'int64', at: Position): number {
  if (typeof value !== 'number') throw typeError(jsonKind(value), goType, at);
  const [min, max] = INT_RANGES[goType]!;
  if (!Number.isInteger(value) || value < min || value > max) throw typeError(`number ${value}`, goType, at);
  return value;
}

/**
 * Non-pointer metav1.Time fields: Go always has them, and a zero (or absent) time marshals as
 * null, so the stored object (and `-o yaml`) shows `lastProbeTime: null`.
 */
const ZERO_TIME_AS_NULL = new Set([
  'core/v1.PodCondition.lastProbeTime',
  'core/v1.PodCondition.lastTransitionTime',
  'core/v1.PersistentVolumeClaimCondition.lastProbeTime',
  'core/v1.PersistentVolumeClaimCondition.lastTransitionTime',
]);

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

class Decoder {
  readonly unknownFields: string[] = [];
  readonly #trustFrozen: boolean;

  constructor(trustFrozen: boolean) {
    this.#trustFrozen = trustFrozen;
  }

  decode(value: unknown, type: string, at: Position): unknown {
    if (value === null) return null;
    // A frozen value is a stored object's own, decoded when it was written: decoding it again changes nothing.
    // The root's metadata is always copied: the server stamps its own fields on it.
    if (this.#trustFrozen && typeof value === 'object' && Object.isFrozen(value) && at.goPath !== 'metadata' && at.goPath !== '') return value;
    if (type.startsWith('[]')) return this.#slice(value, type, at);
    if (type.startsWith('map[string]')) return this.#map(value, type, at);
    switch (type) {
      case 'string':
        if (typeof value !== 'string') throw typeError(jsonKind(value), 'string', at);
        return value;
      case 'bool':
        if (typeof value !== 'boolean') throw typeError(jsonKind(value), 'bool', at);
        return value;
      case 'int32':
      case 'int64':
        return decodeInt(value, type, at);
      case 'intstr':
        // IntOrString.UnmarshalJSON: a string, else whatever json.Unmarshal into int32 accepts.
        return typeof value === 'string' ? value : decodeInt(value, 'int32', at);
      case 'quantity': {
        const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : JSON.stringify(value);
        const error = quantitySyntaxError(text);
        if (error) throw new DecodeError(error);
        return text;
      }
      case 'time':
      case 'microtime':
        if (typeof value !== 'string') throw typeError(jsonKind(value), 'string', at);
        if (!RFC3339.test(value)) {
          throw new DecodeError(`parsing time ${JSON.stringify(value)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(value)} as "2006"`);
        }
        return value;
      case 'bytes': {
        if (typeof value !== 'string') throw typeError(jsonKind(value), '[]uint8', at);
        const decoded = decodeGoBase64(value);
        if (!decoded.ok) throw new DecodeError(decoded.message);
        return value;
      }
      case 'raw':
        return deepCopy(value);
    }
    return this.#struct(value, type, at);
  }

  #slice(value: unknown, type: string, at: Position): unknown[] {
    if (!Array.isArray(value)) throw typeError(jsonKind(value), goTypeName(type), at);
    const element = type.slice(2);
    // The body is decoded as the object it is, not its JSON text: undefined stands for what JSON makes of it.
    return value.map((item: unknown, i) => this.#element(item === undefined ? null : item, element, { ...at, strictPath: `${at.strictPath}[${i}]` }));
  }

  /**
   * A list element or map value: Go decodes into a fresh zero value of the element type, and a
   * `null` leaves it zero (`ports: [null]` is `ports: [{}]`, `data: {k: null}` is `data: {k: ""}`),
   * which validation then judges like any other value.
   */
  #element(value: unknown, type: string, at: Position): unknown {
    if (value !== null) return this.decode(value, type, at);
    if (type.startsWith('[]') || type.startsWith('map[string]')) return null;
    switch (type) {
      case 'string':
      case 'bytes':
        // A nil []byte comes back from storage as empty.
        return '';
      case 'bool':
        return false;
      case 'int32':
      case 'int64':
      case 'intstr':
        return 0;
      case 'quantity':
        return '0';
      case 'time':
      case 'microtime':
      case 'raw':
        return null;
    }
    return this.#struct({}, type, at);
  }

  #map(value: unknown, type: string, at: Position): Record<string, unknown> {
    if (typeof value !== 'object' || Array.isArray(value) || value === null) throw typeError(jsonKind(value), goTypeName(type), at);
    const element = type.slice(11);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      out[key] = this.#element(item, element, { ...at, strictPath: `${at.strictPath}[${key}]` });
    }
    return out;
  }

  #struct(value: unknown, type: string, at: Position): Record<string, unknown> {
    const fields = schema[type];
    if (!fields) throw new Error(`field schema has no type ${type}`);
    if (typeof value !== 'object' || Array.isArray(value) || value === null) throw typeError(jsonKind(value), goTypeName(type), at);
    const struct = type.slice(type.lastIndexOf('.') + 1);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const strictPath = at.strictPath ? `${at.strictPath}.${key}` : key;
      const fieldType = fields[key];
      if (fieldType === undefined) {
        this.unknownFields.push(strictPath);
        continue;
      }
      const decoded = this.decode(item, fieldType, { struct, goPath: at.goPath ? `${at.goPath}.${key}` : key, strictPath });
      if (decoded !== null) out[key] = decoded;
    }
    for (const key of Object.keys(fields)) if (!(key in out) && ZERO_TIME_AS_NULL.has(`${type}.${key}`)) out[key] = null;
    return out;
  }
}

/** Decodes `raw` as the kind `def` serves; the failure message follows `<Kind> in version "v1" cannot be handled as a <Kind>: `. */
/**
 * With `trustFrozen`, frozen parts of `raw` (shared with a stored object) are taken as they are,
 * not decoded into a copy: for a status write, whose body is the stored pod with a new status.
 */
export function decodeObject(raw: unknown, def: ResourceDefinition, options: { trustFrozen?: boolean } = {}): DecodeResult {
  const pkg = GROUP_PACKAGES[def.info.group];
  const rootType = `${pkg}.${def.goKind ?? def.info.kind}`;
  if (pkg === undefined || !schema[rootType]) return { ok: true, obj: deepCopy(raw) as KubeObject, unknownFields: [] };
  const decoder = new Decoder(options.trustFrozen ?? false);
  try {
    const obj = decoder.decode(raw, rootType, { struct: def.goKind ?? def.info.kind, goPath: '', strictPath: '' });
    return { ok: true, obj: (obj ?? {}) as KubeObject, unknownFields: decoder.unknownFields };
  } catch (error) {
    if (error instanceof DecodeError) return { ok: false, message: error.message };
    throw error;
  }
}

/** `strict decoding error: unknown field "a", unknown field "b"`, the Strict-mode message. */
export function strictDecodingError(unknownFields: string[]): string {
  return `strict decoding error: ${unknownFields.map((f) => `unknown field ${JSON.stringify(f)}`).join(', ')}`;
}
