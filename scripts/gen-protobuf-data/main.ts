#!/usr/bin/env -S npx tsx
/**
 * Derives src/lib/go-struct-json/k8s-go-structs.json: for every message the served kinds reach,
 * its fields in Go declaration order as [number, JSON name, type, shape]. The field numbers and
 * wire types come from the generated.proto files; the shape (pointer, omitempty, omitzero, value
 * struct) from the Go types, because the server decodes protobuf into the Go struct and what the
 * rest of the request path sees is that struct's JSON. Inputs, both at v0.35.2:
 *
 *   API           a checkout of k8s.io/api
 *   APIMACHINERY  a checkout of k8s.io/apimachinery
 *
 *   npx tsx scripts/gen-protobuf-data/main.ts API APIMACHINERY
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allResourceDefinitions } from '../../src/engine/api/resources/index.ts';
import { GoUniverse } from '../gen-openapi-data/go-schema-facts.ts';
import { readGoPackage } from '../gen-openapi-data/go-types.ts';
import { parseProtoFile, type ProtoField } from './proto-file.ts';

const [apiDir, machineryDir] = process.argv.slice(2);
if (!apiDir || !machineryDir) throw new Error('usage: main.ts API APIMACHINERY');
const out = join(import.meta.dirname, '../../src/lib/go-struct-json/k8s-go-structs.json');

/** Kinds sent through subresources (scale, binding, eviction, token) and meta types a body may carry. */
const EXTRA_KINDS = [
  { group: 'autoscaling', version: 'v1', kind: 'Scale' },
  { group: '', version: 'v1', kind: 'Binding' },
  { group: 'policy', version: 'v1', kind: 'Eviction' },
  { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' },
  { group: 'meta.k8s.io', version: 'v1', kind: 'DeleteOptions' },
];

/** Messages whose JSON is written by a MarshalJSON of their own: the decoder knows each by name. */
const SPECIAL = new Set(['meta/v1.Time', 'meta/v1.MicroTime', 'meta/v1.Duration', 'meta/v1.FieldsV1', 'resource.Quantity', 'intstr.IntOrString', 'runtime.RawExtension']);

/** Proto package → our short name and the Go import path of its types. */
function packageOf(protoPackage: string): { short: string; goPath: string } {
  const api = /^k8s\.io\.api\.(\w+)\.(\w+)$/.exec(protoPackage);
  if (api) return { short: `${api[1]}/${api[2]}`, goPath: `k8s.io/api/${api[1]}/${api[2]}` };
  const machinery = /^k8s\.io\.apimachinery\.pkg\.(.+)$/.exec(protoPackage);
  if (!machinery) throw new Error(`unexpected proto package ${protoPackage}`);
  const path = machinery[1]!.split('.');
  return { short: path.at(-1) === 'v1' ? `${path.at(-2)}/v1` : path.at(-1)!, goPath: `k8s.io/apimachinery/pkg/${path.join('/')}` };
}

function protoFileOf(goPath: string): string {
  if (goPath.startsWith('k8s.io/api/')) return join(apiDir!, goPath.slice('k8s.io/api/'.length), 'generated.proto');
  return join(machineryDir!, goPath.slice('k8s.io/apimachinery/'.length), 'generated.proto');
}

const universe = new GoUniverse((importPath) => {
  if (importPath.startsWith('k8s.io/api/')) return readGoPackage(join(apiDir, importPath.slice('k8s.io/api/'.length)));
  if (importPath.startsWith('k8s.io/apimachinery/')) return readGoPackage(join(machineryDir, importPath.slice('k8s.io/apimachinery/'.length)));
  return undefined;
});

interface ProtoMessage {
  protoPackage: string;
  goPath: string;
  name: string;
  fields: ProtoField[];
}
const messages = new Map<string, ProtoMessage>();
const loadedPackages = new Set<string>();

function loadPackage(protoPackage: string): void {
  if (loadedPackages.has(protoPackage)) return;
  loadedPackages.add(protoPackage);
  const { short, goPath } = packageOf(protoPackage);
  const file = parseProtoFile(readFileSync(protoFileOf(goPath), 'utf8'));
  for (const [name, fields] of file.messages) messages.set(`${short}.${name}`, { protoPackage, goPath, name, fields });
}

/** `.k8s.io.api.core.v1.PodSpec` or `PodSpec` (in `protoPackage`) → `core/v1.PodSpec`. */
function messageKey(protoPackage: string, type: string): string {
  if (!type.startsWith('.')) return `${packageOf(protoPackage).short}.${type}`;
  const dot = type.lastIndexOf('.');
  const pkg = type.slice(1, dot);
  loadPackage(pkg);
  return `${packageOf(pkg).short}.${type.slice(dot + 1)}`;
}

const SCALARS = new Set(['string', 'bool', 'int32', 'int64', 'uint32', 'uint64', 'double', 'float', 'bytes']);

type Shape = 'pointer' | 'pointer-omitempty' | 'value' | 'value-omitempty' | 'list' | 'list-omitempty' | 'map' | 'map-omitempty';

/** Go's JSON of a field: a pointer is null or omitted when nil; a slice or map likewise when empty; a value always, unless omitempty and zero. */
function shapeOf(goPath: string, goType: string, omitEmpty: boolean): Shape {
  const suffix = omitEmpty ? '-omitempty' : '';
  if (goType.startsWith('*')) return `pointer${suffix}` as Shape;
  if (goType.startsWith('[]')) return `list${suffix}` as Shape;
  if (goType.startsWith('map[')) return `map${suffix}` as Shape;
  const { pkgPath, name } = universe.resolveName(goPath, goType);
  const underlying = universe.pkg(pkgPath)?.named.get(name);
  if (underlying !== undefined && !universe.pkg(pkgPath)?.structs.has(name)) return shapeOf(pkgPath, underlying, omitEmpty);
  return `value${suffix}` as Shape;
}

const SHAPE_CODES: Record<Shape, string> = {
  pointer: 'p',
  'pointer-omitempty': 'po',
  value: 'v',
  'value-omitempty': 'vo',
  list: 'l',
  'list-omitempty': 'lo',
  map: 'm',
  'map-omitempty': 'mo',
};

type FieldRow = [number, string, string, string];
const data: { kinds: Record<string, string>; messages: Record<string, FieldRow[]> } = { kinds: {}, messages: {} };
const pending: string[] = [];

function reach(key: string): void {
  if (key in data.messages || pending.includes(key)) return;
  pending.push(key);
}

function describe(key: string): FieldRow[] {
  const message = messages.get(key);
  if (!message) throw new Error(`no proto message ${key}`);
  const { protoPackage } = message;
  const byName = new Map(message.fields.map((f) => [f.name, f]));
  const typeOf = (f: ProtoField): string => {
    const type = f.map ? f.map.value : f.type;
    if (SCALARS.has(type)) return type;
    const ref = messageKey(protoPackage, type);
    reach(ref);
    return ref;
  };
  if (SPECIAL.has(key)) return message.fields.map((f) => [f.number, f.name, typeOf(f), f.repeated ? 'l' : 'v']);
  const rows: FieldRow[] = [];
  for (const field of universe.pkg(message.goPath)?.structs.get(message.name) ?? []) {
    const pkgPath = message.goPath;
    if (field.inline || field.jsonName === '') {
      // An embedded struct is one nested message on the wire whose fields JSON lifts into ours
      // (Volume's VolumeSource, Probe's ProbeHandler); an inline TypeMeta is not on the wire.
      const embedded = field.type.replace(/^\*/, '').split('.').pop()!;
      const proto = message.fields.find((f) => f.type.split('.').pop() === embedded);
      if (!proto) {
        if (embedded !== 'TypeMeta') throw new Error(`${key}: inline ${field.type} has no proto field`);
        continue;
      }
      byName.delete(proto.name);
      rows.push([proto.number, '', typeOf(proto), 'i']);
      continue;
    }
    const jsonName = field.jsonName;
    // go-to-protobuf names a field after the Go one when they differ (BoundObjectReference's `uID`).
    const proto = byName.get(jsonName) ?? [...byName.values()].find((f) => f.name.toLowerCase() === jsonName.toLowerCase());
    if (!proto) throw new Error(`${key}.${jsonName} has no proto field`);
    byName.delete(proto.name);
    if (proto.map && proto.map.key !== 'string') throw new Error(`${key}.${jsonName}: map key ${proto.map.key}`);
    let shape = SHAPE_CODES[shapeOf(pkgPath, field.type, field.omitEmpty)];
    const isMap = proto.map !== undefined;
    if (isMap !== shape.startsWith('m') || (proto.repeated && !shape.startsWith('l'))) throw new Error(`${key}.${jsonName}: proto ${JSON.stringify(proto)} vs Go ${field.type}`);
    // omitempty never leaves out a struct value; omitzero does when it is zero.
    if (shape.startsWith('v') && !SCALARS.has(proto.map ? proto.map.value : proto.type)) shape = field.omitZero ? 'vz' : 'v';
    // A []byte is one length-delimited field, not a repeated one.
    if (proto.type === 'bytes' && !proto.repeated) shape = field.omitEmpty ? 'bo' : 'b';
    rows.push([proto.number, jsonName, typeOf(proto), shape]);
  }
  if (byName.size > 0) throw new Error(`${key}: proto fields without a Go field: ${[...byName.keys()].join(', ')}`);
  return rows;
}

/** Groups whose types live outside k8s.io/api (k8s.io/apiextensions-apiserver); kubectl sends them as JSON. */
const OUTSIDE_API = new Set(['apiextensions.k8s.io']);

const roots = [...allResourceDefinitions().map((d) => d.info), ...EXTRA_KINDS].filter((k) => !OUTSIDE_API.has(k.group));
for (const { group, version, kind } of roots) {
  const protoPackage = group === 'meta.k8s.io' ? 'k8s.io.apimachinery.pkg.apis.meta.v1' : `k8s.io.api.${group === '' ? 'core' : group.split('.')[0]}.${version}`;
  loadPackage(protoPackage);
  const key = messageKey(protoPackage, kind);
  const apiVersion = group === '' ? version : `${group}/${version}`;
  data.kinds[`${apiVersion}/${kind}`] = key;
  reach(key);
}
// metav1.AddToGroupVersion registers DeleteOptions in every group-version: a typed client's
// delete sends it under its own (drain --disable-eviction: `v1`).
for (const apiVersion of new Set(Object.keys(data.kinds).map((k) => k.slice(0, k.lastIndexOf('/'))))) data.kinds[`${apiVersion}/DeleteOptions`] = 'meta/v1.DeleteOptions';

for (let key = pending.shift(); key !== undefined; key = pending.shift()) data.messages[key] = describe(key);

const sorted = Object.fromEntries(
  Object.keys(data.messages)
    .sort()
    .map((k) => [k, data.messages[k]!]),
);
const lines = Object.entries(sorted).map(([k, rows]) => `  ${JSON.stringify(k)}: [${rows.map((r) => JSON.stringify(r)).join(', ')}]`);
const kinds = Object.entries(data.kinds)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
writeFileSync(out, `{\n "kinds": {\n${kinds.join(',\n').replace(/^ {2}/gm, '   ')}\n },\n "messages": {\n${lines.join(',\n').replace(/^ {2}/gm, '   ')}\n }\n}\n`);
console.log(`${Object.keys(sorted).length} messages, ${Object.keys(data.kinds).length} kinds → ${out}`);
