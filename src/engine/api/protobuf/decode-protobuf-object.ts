/**
 * A Kubernetes protobuf body (`k8s\x00` + runtime.Unknown{typeMeta, raw}) turned into the JSON
 * object a JSON body of the same object decodes to. The apiserver decodes protobuf into the Go
 * struct and goes on from there, so the JSON here is that struct's encoding/json output: absent
 * fields are Go's zero values, written or left out by their omitempty/pointer shape (see
 * FieldShape), and fields present on the wire are set even when zero (proto2 `optional`).
 * Models staging/src/k8s.io/apimachinery/pkg/runtime/serializer/protobuf/protobuf.go Decode and
 * the gogo-generated Unmarshal methods: a message field seen twice is merged, unknown fields are
 * skipped.
 */
import { base64Encode, BinaryReader, getTextEncoding, WireType } from '@bufbuild/protobuf/wire';
import { goDurationString, microTimeJson, timeJson } from './go-time-json.ts';
import { PROTOBUF_KINDS, PROTOBUF_MESSAGES, type FieldRow } from './protobuf-data.ts';

export type ProtobufDecodeResult = { ok: true; object: Record<string, unknown> } | { ok: false; message: string };

const MAGIC = [0x6b, 0x38, 0x73, 0x00];

class ProtobufError extends Error {}

export function isKubernetesProtobuf(body: Uint8Array): boolean {
  return MAGIC.every((byte, i) => body[i] === byte);
}

export function decodeProtobufObject(body: Uint8Array): ProtobufDecodeResult {
  if (!isKubernetesProtobuf(body)) {
    return { ok: false, message: `provided data does not appear to be a protobuf message, expected prefix [${MAGIC.join(' ')}]` };
  }
  try {
    const envelope = collect(body.subarray(MAGIC.length));
    const typeMeta = collect(lastBytes(envelope, 1, 'TypeMeta') ?? new Uint8Array());
    const apiVersion = lastString(typeMeta, 1);
    const kind = lastString(typeMeta, 2);
    const key = PROTOBUF_KINDS[`${apiVersion}/${kind}`];
    if (!key) return { ok: false, message: `no kind "${kind}" is registered for version "${apiVersion}"` };
    const raw = lastBytes(envelope, 2, 'Raw') ?? new Uint8Array();
    const object = messageJson(key, [raw]) as Record<string, unknown>;
    // TypeMeta is not on the wire of the object itself: the envelope carries it.
    return { ok: true, object: { ...(kind ? { kind } : {}), ...(apiVersion ? { apiVersion } : {}), ...object } };
  } catch (err) {
    if (err instanceof ProtobufError) return { ok: false, message: err.message };
    // BinaryReader throws on a truncated varint or length: the words gogo's Unmarshal uses.
    return { ok: false, message: 'unexpected EOF' };
  }
}

/** Every occurrence of each field: raw bytes for length-delimited ones, numbers otherwise. */
type Occurrence = { wireType: WireType; bytes?: Uint8Array; varint?: bigint; fixed?: number };

function collect(bytes: Uint8Array): Map<number, Occurrence[]> {
  const reader = new BinaryReader(bytes);
  const fields = new Map<number, Occurrence[]>();
  while (reader.pos < reader.len) {
    const [number, wireType] = reader.tag();
    let occurrence: Occurrence;
    switch (wireType) {
      case WireType.Varint:
        occurrence = { wireType, varint: BigInt.asUintN(64, BigInt(reader.uint64())) };
        break;
      case WireType.LengthDelimited:
        occurrence = { wireType, bytes: reader.bytes() };
        break;
      case WireType.Bit64:
        occurrence = { wireType, fixed: reader.double() };
        break;
      case WireType.Bit32:
        occurrence = { wireType, fixed: reader.float() };
        break;
      default:
        reader.skip(wireType, number);
        continue;
    }
    const list = fields.get(number) ?? [];
    list.push(occurrence);
    fields.set(number, list);
  }
  return fields;
}

function lastBytes(fields: Map<number, Occurrence[]>, number: number, goName: string): Uint8Array | undefined {
  const occurrences = fields.get(number);
  if (!occurrences) return undefined;
  const last = occurrences.at(-1)!;
  if (last.wireType !== WireType.LengthDelimited) throw new ProtobufError(`proto: wrong wireType = ${last.wireType} for field ${goName}`);
  return last.bytes!;
}

function lastString(fields: Map<number, Occurrence[]>, number: number): string {
  const bytes = lastBytes(fields, number, number === 1 ? 'APIVersion' : 'Kind');
  return bytes ? utf8(bytes) : '';
}

const goName = (jsonName: string) => jsonName.charAt(0).toUpperCase() + jsonName.slice(1);

/** A message's JSON from all its occurrences (gogo's Unmarshal merges them in order). */
function messageJson(key: string, chunks: Uint8Array[]): unknown {
  const fields = collect(concat(chunks));
  switch (key) {
    case 'meta/v1.Time':
    case 'meta/v1.MicroTime': {
      if (fields.size === 0) return null;
      const seconds = Number(BigInt.asIntN(64, varintOf(fields, 1, 'Seconds') ?? 0n));
      const nanos = Number(BigInt.asIntN(32, varintOf(fields, 2, 'Nanos') ?? 0n));
      return key === 'meta/v1.Time' ? timeJson(seconds, nanos) : microTimeJson(seconds, nanos);
    }
    case 'meta/v1.Duration':
      return goDurationString(BigInt.asIntN(64, varintOf(fields, 1, 'Duration') ?? 0n));
    case 'resource.Quantity': {
      const text = lastBytes(fields, 1, 'String');
      return text ? utf8(text) : '0';
    }
    case 'intstr.IntOrString': {
      const type = BigInt.asIntN(64, varintOf(fields, 1, 'Type') ?? 0n);
      if (type === 1n) return utf8(lastBytes(fields, 3, 'StrVal') ?? new Uint8Array());
      if (type !== 0n) throw new ProtobufError('impossible IntOrString.Type');
      return Number(BigInt.asIntN(32, varintOf(fields, 2, 'IntVal') ?? 0n));
    }
    case 'runtime.RawExtension':
    case 'meta/v1.FieldsV1':
      return embeddedJson(lastBytes(fields, 1, 'Raw'));
  }
  const rows = PROTOBUF_MESSAGES[key];
  if (!rows) throw new ProtobufError(`no protobuf message ${key}`);
  const object: Record<string, unknown> = {};
  for (const row of rows) writeField(object, row, fields.get(row[0]) ?? []);
  return object;
}

function writeField(object: Record<string, unknown>, [number, name, type, shape]: FieldRow, occurrences: Occurrence[]): void {
  const isMessage = type.includes('.');
  switch (shape) {
    case 'i':
      Object.assign(object, messageJson(type, chunksOf(occurrences, name || type)));
      return;
    case 'v':
    case 'vo':
    case 'vz':
    case 'p':
    case 'po': {
      if (occurrences.length === 0) {
        if (shape === 'p') object[name] = null;
        else if (shape === 'v') object[name] = isMessage ? messageJson(type, []) : zeroOf(type);
        else if (shape === 'vz') object[name] = messageJson(type, []);
        if (shape === 'vz' && isZeroJson(type, object[name])) delete object[name];
        return;
      }
      const value = isMessage ? messageJson(type, chunksOf(occurrences, name)) : scalarOf(type, occurrences.at(-1)!, name);
      if (shape === 'vo' && value === zeroOf(type)) return;
      if (shape === 'vz' && isZeroJson(type, value)) return;
      object[name] = value;
      return;
    }
    case 'b':
    case 'bo': {
      const bytes = occurrences.length > 0 ? scalarOf('bytes', occurrences.at(-1)!, name) : undefined;
      if (bytes !== undefined && (bytes !== '' || shape === 'b')) object[name] = bytes;
      else if (shape === 'b') object[name] = null;
      return;
    }
    case 'l':
    case 'lo': {
      const items = listOf(type, occurrences, name, number);
      if (items.length > 0) object[name] = items;
      else if (shape === 'l') object[name] = null;
      return;
    }
    case 'm':
    case 'mo': {
      const entries = mapOf(type, occurrences, name);
      if (Object.keys(entries).length > 0) object[name] = entries;
      else if (shape === 'm') object[name] = null;
      return;
    }
  }
}

function chunksOf(occurrences: Occurrence[], name: string): Uint8Array[] {
  return occurrences.map((o) => {
    if (o.wireType !== WireType.LengthDelimited) throw new ProtobufError(`proto: wrong wireType = ${o.wireType} for field ${goName(name)}`);
    return o.bytes!;
  });
}

function listOf(type: string, occurrences: Occurrence[], name: string, number: number): unknown[] {
  if (type.includes('.')) return chunksOf(occurrences, name).map((chunk) => messageJson(type, [chunk]));
  const items: unknown[] = [];
  for (const occurrence of occurrences) {
    if (occurrence.wireType === WireType.LengthDelimited && type !== 'string' && type !== 'bytes') {
      // A packed repeated scalar: the elements back to back in one length-delimited field.
      for (const element of collectPacked(occurrence.bytes!, type, number)) items.push(scalarOf(type, element, name));
    } else {
      items.push(scalarOf(type, occurrence, name));
    }
  }
  return items;
}

function collectPacked(bytes: Uint8Array, type: string, number: number): Occurrence[] {
  const reader = new BinaryReader(bytes);
  const out: Occurrence[] = [];
  while (reader.pos < reader.len) {
    if (type === 'double') out.push({ wireType: WireType.Bit64, fixed: reader.double() });
    else if (type === 'float') out.push({ wireType: WireType.Bit32, fixed: reader.float() });
    else out.push({ wireType: WireType.Varint, varint: BigInt.asUintN(64, BigInt(reader.uint64())) });
  }
  if (out.length === 0 && bytes.length > 0) throw new ProtobufError(`proto: illegal packed field ${number}`);
  return out;
}

/** A map field is a repeated entry message {key = 1; value = 2}; a later key wins. */
function mapOf(type: string, occurrences: Occurrence[], name: string): Record<string, unknown> {
  const entries: Record<string, unknown> = {};
  for (const chunk of chunksOf(occurrences, name)) {
    const entry = collect(chunk);
    const keyBytes = lastBytes(entry, 1, name);
    const key = keyBytes ? utf8(keyBytes) : '';
    const value = entry.get(2);
    if (type.includes('.')) entries[key] = messageJson(type, value ? chunksOf(value, name) : []);
    else entries[key] = value ? scalarOf(type, value.at(-1)!, name) : type === 'bytes' ? '' : zeroOf(type);
  }
  return entries;
}

const WIRE_TYPES: Record<string, WireType> = {
  string: WireType.LengthDelimited,
  bytes: WireType.LengthDelimited,
  double: WireType.Bit64,
  float: WireType.Bit32,
};

function scalarOf(type: string, occurrence: Occurrence, name: string): unknown {
  const expected = WIRE_TYPES[type] ?? WireType.Varint;
  if (occurrence.wireType !== expected) throw new ProtobufError(`proto: wrong wireType = ${occurrence.wireType} for field ${goName(name)}`);
  switch (type) {
    case 'string':
      return utf8(occurrence.bytes);
    case 'bytes':
      // encoding/json writes a []byte as standard base64.
      return base64Encode(occurrence.bytes!, 'std');
    case 'bool':
      return occurrence.varint !== 0n;
    case 'int32':
      return Number(BigInt.asIntN(32, occurrence.varint!));
    case 'uint32':
      return Number(BigInt.asUintN(32, occurrence.varint!));
    case 'int64':
      return Number(BigInt.asIntN(64, occurrence.varint!));
    case 'uint64':
      return Number(occurrence.varint!);
    default:
      return occurrence.fixed;
  }
}

function zeroOf(type: string): unknown {
  if (type === 'string') return '';
  if (type === 'bool') return false;
  return 0;
}

function varintOf(fields: Map<number, Occurrence[]>, number: number, name: string): bigint | undefined {
  const last = fields.get(number)?.at(-1);
  if (!last) return undefined;
  if (last.wireType !== WireType.Varint) throw new ProtobufError(`proto: wrong wireType = ${last.wireType} for field ${name}`);
  return last.varint;
}

/** An omitzero struct is left out when its value equals the zero value's. */
function isZeroJson(type: string, value: unknown): boolean {
  return JSON.stringify(value) === JSON.stringify(messageJson(type, []));
}

/** RawExtension and FieldsV1 hold JSON that their MarshalJSON writes as is; nil is null. */
function embeddedJson(raw: Uint8Array | undefined): unknown {
  if (raw === undefined) return null;
  try {
    return JSON.parse(utf8(raw));
  } catch {
    throw new ProtobufError('json: error calling MarshalJSON for type *runtime.RawExtension: invalid character looking for beginning of value');
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Go keeps a string's bytes as sent; encoding/json then writes invalid UTF-8 as U+FFFD, as this does. */
function utf8(bytes: Uint8Array | undefined): string {
  return bytes ? getTextEncoding().decodeUtf8(bytes) : '';
}
