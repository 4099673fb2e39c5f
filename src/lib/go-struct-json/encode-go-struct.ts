/**
 * What Go's encoding/json writes for an object decoded into its typed struct (k8s.io/api): the
 * fields in declaration order, `kind` and `apiVersion` (the inlined TypeMeta) first, map keys
 * sorted, unknown fields gone, omitempty zeros left out and non-omitempty zeros written. kubectl
 * prints objects its typed clients read this way (`rollout history -o json`, `set image -o json`).
 */
import { PROTOBUF_KINDS, PROTOBUF_MESSAGES, type FieldRow } from './k8s-go-structs.ts';

type Json = Record<string, unknown>;
const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Types with a MarshalJSON of their own: their JSON passes through; these are their zero values. */
const OWN_JSON_ZERO: Readonly<Record<string, unknown>> = {
  'meta/v1.Time': null,
  'meta/v1.MicroTime': null,
  'meta/v1.Duration': '0s',
  'meta/v1.FieldsV1': null,
  'resource.Quantity': '0',
  'intstr.IntOrString': 0,
  'runtime.RawExtension': null,
};

/** The typed encoding of `obj`, or undefined when its kind has no Go struct in the table. */
export function encodeGoStruct(obj: Json): Json | undefined {
  const key = PROTOBUF_KINDS[`${String(obj.apiVersion)}/${String(obj.kind)}`];
  return key ? (messageJson(key, obj) as Json) : undefined;
}

/** The structs that embed TypeMeta: every kind's, including those nested in others (a StatefulSet's volumeClaimTemplates). */
const KIND_STRUCTS = new Set(Object.values(PROTOBUF_KINDS));

const isMessage = (type: string) => type.includes('.');

function messageJson(type: string, value: unknown): unknown {
  if (type in OWN_JSON_ZERO) return value === undefined ? OWN_JSON_ZERO[type] : value;
  const rows = PROTOBUF_MESSAGES[type] ?? [];
  const source = isMap(value) ? value : {};
  const out: Json = {};
  if (KIND_STRUCTS.has(type)) {
    // TypeMeta's fields are omitempty strings.
    if (source.kind) out.kind = source.kind;
    if (source.apiVersion) out.apiVersion = source.apiVersion;
  }
  for (const row of rows) writeField(out, row, source);
  return out;
}

function zeroOf(type: string): unknown {
  if (isMessage(type)) return messageJson(type, undefined);
  if (type === 'string' || type === 'bytes') return '';
  if (type === 'bool') return false;
  return 0;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function writeField(out: Json, [, name, type, shape]: FieldRow, source: Json): void {
  if (shape === 'i') {
    Object.assign(out, messageJson(type, source));
    return;
  }
  const value = source[name];
  const present = value !== undefined && value !== null;
  switch (shape) {
    case 'v':
      out[name] = isMessage(type) ? messageJson(type, value) : present ? value : zeroOf(type);
      return;
    case 'vo':
      if (present && !same(value, zeroOf(type))) out[name] = isMessage(type) ? messageJson(type, value) : value;
      return;
    case 'vz': {
      const encoded = messageJson(type, value);
      if (!same(encoded, zeroOf(type))) out[name] = encoded;
      return;
    }
    case 'p':
    case 'po':
      if (present) out[name] = isMessage(type) ? messageJson(type, value) : value;
      else if (shape === 'p') out[name] = null;
      return;
    case 'b':
    case 'bo':
      if (present && (value !== '' || shape === 'b')) out[name] = value;
      else if (shape === 'b') out[name] = null;
      return;
    case 'l':
    case 'lo':
      // A JSON `[]` decodes to an empty, non-nil slice, which encodes as `[]`; an absent one is nil.
      if (Array.isArray(value) && (value.length > 0 || shape === 'l')) out[name] = value.map((item) => (isMessage(type) ? messageJson(type, item) : item));
      else if (shape === 'l') out[name] = null;
      return;
    case 'm':
    case 'mo':
      if (isMap(value) && (Object.keys(value).length > 0 || shape === 'm')) {
        const entries = Object.keys(value)
          .sort()
          .map((k) => [k, isMessage(type) ? messageJson(type, value[k]) : value[k]] as const);
        out[name] = Object.fromEntries(entries);
      } else if (shape === 'm') out[name] = null;
      return;
  }
}
