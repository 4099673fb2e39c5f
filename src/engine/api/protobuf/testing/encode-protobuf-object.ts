/**
 * The inverse of decodeProtobufObject for tests: a JSON object written as kubectl's typed client
 * writes it (`k8s\x00` + runtime.Unknown), every field it holds present on the wire.
 */
import { base64Decode, BinaryWriter, getTextEncoding, WireType } from '@bufbuild/protobuf/wire';
import { PROTOBUF_KINDS, PROTOBUF_MESSAGES } from '../protobuf-data.ts';

type Json = Record<string, unknown>;

export function encodeProtobufObject(object: Json): Uint8Array {
  const { apiVersion = '', kind = '', ...rest } = object as { apiVersion?: string; kind?: string };
  const key = PROTOBUF_KINDS[`${apiVersion}/${kind}`];
  if (!key) throw new Error(`no protobuf message for ${apiVersion}/${kind}`);
  const typeMeta = new BinaryWriter().tag(1, WireType.LengthDelimited).string(apiVersion).tag(2, WireType.LengthDelimited).string(kind).finish();
  const unknown = new BinaryWriter().tag(1, WireType.LengthDelimited).bytes(typeMeta).tag(2, WireType.LengthDelimited).bytes(encodeMessage(key, rest)).finish();
  return new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...unknown]);
}

export function encodeMessage(key: string, value: unknown): Uint8Array {
  const w = new BinaryWriter();
  switch (key) {
    case 'meta/v1.Time':
    case 'meta/v1.MicroTime': {
      if (value === null) return new Uint8Array();
      const ms = Date.parse(value as string);
      const micros = /\.(\d{6})Z$/.exec(value as string)?.[1];
      w.tag(1, WireType.Varint).int64(Math.floor(ms / 1000));
      if (micros) w.tag(2, WireType.Varint).int32(Number(micros) * 1000);
      return w.finish();
    }
    case 'resource.Quantity':
      return w
        .tag(1, WireType.LengthDelimited)
        .string(value as string)
        .finish();
    case 'intstr.IntOrString':
      if (typeof value === 'string') return w.tag(1, WireType.Varint).int64(1).tag(3, WireType.LengthDelimited).string(value).finish();
      return w
        .tag(1, WireType.Varint)
        .int64(0)
        .tag(2, WireType.Varint)
        .int32(value as number)
        .finish();
    case 'runtime.RawExtension':
    case 'meta/v1.FieldsV1':
      return w
        .tag(1, WireType.LengthDelimited)
        .bytes(getTextEncoding().encodeUtf8(JSON.stringify(value)))
        .finish();
  }
  const object = value as Json;
  for (const [number, name, type, shape] of PROTOBUF_MESSAGES[key]!) {
    if (shape === 'i') {
      w.tag(number, WireType.LengthDelimited).bytes(encodeMessage(type, object));
      continue;
    }
    const field = object[name];
    if (field === undefined || field === null) continue;
    if (shape.startsWith('l')) for (const item of field as unknown[]) writeValue(w, number, type, item);
    else if (shape.startsWith('m')) {
      for (const [k, v] of Object.entries(field as Json)) {
        const entry = new BinaryWriter().tag(1, WireType.LengthDelimited).string(k);
        writeValue(entry, 2, type, v);
        w.tag(number, WireType.LengthDelimited).bytes(entry.finish());
      }
    } else writeValue(w, number, type, field);
  }
  return w.finish();
}

function writeValue(w: BinaryWriter, number: number, type: string, value: unknown): void {
  if (type.includes('.')) {
    w.tag(number, WireType.LengthDelimited).bytes(encodeMessage(type, value));
    return;
  }
  switch (type) {
    case 'string':
      w.tag(number, WireType.LengthDelimited).string(value as string);
      return;
    case 'bytes':
      w.tag(number, WireType.LengthDelimited).bytes(base64Decode(value as string));
      return;
    case 'bool':
      w.tag(number, WireType.Varint).bool(value as boolean);
      return;
    case 'double':
      w.tag(number, WireType.Bit64).double(value as number);
      return;
    default:
      w.tag(number, WireType.Varint).int64(value as number);
  }
}
