#!/usr/bin/env -S npx tsx
/**
 * Derives src/engine/api/openapi/openapi-data.json: the schemas of the kinds the simulated
 * cluster serves (and every type they reach), the query parameters' documentation, and what
 * the OpenAPI v3 documents add to v2 (enums, defaults). Inputs, all of Kubernetes v1.35:
 *
 *   SWAGGER       api/openapi-spec/swagger.json of the release-1.35 branch
 *                 (kubernetes-client/python v35.0.0 ships it as kubernetes/swagger.json.unprocessed)
 *   API           a checkout of k8s.io/api at v0.35.2
 *   APIMACHINERY  a checkout of k8s.io/apimachinery at v0.35.2
 *
 *   npx tsx scripts/gen-openapi-data/main.ts SWAGGER API APIMACHINERY
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allResourceDefinitions } from '../../src/engine/api/resources/index.ts';
import { GoUniverse, propertyFacts, type PropertyFacts } from './go-schema-facts.ts';
import { readGoPackage } from './go-types.ts';

type Schema = Record<string, unknown>;
interface Swagger {
  definitions: Record<string, Schema>;
  paths: Record<string, Record<string, unknown>>;
  parameters: Record<string, Schema>;
}
interface Gvk {
  group: string;
  version: string;
  kind: string;
}

const [swaggerPath, apiDir, machineryDir] = process.argv.slice(2);
if (!swaggerPath || !apiDir || !machineryDir) throw new Error('usage: main.ts SWAGGER API APIMACHINERY');
const out = join(import.meta.dirname, '../../src/engine/api/openapi/openapi-data.json');
const swagger = JSON.parse(readFileSync(swaggerPath, 'utf8')) as Swagger;

/** Kinds reached through subresources (scale, binding, eviction, token) and every API's meta types. */
const EXTRA_KINDS: Gvk[] = [
  { group: 'autoscaling', version: 'v1', kind: 'Scale' },
  { group: '', version: 'v1', kind: 'Binding' },
  { group: 'policy', version: 'v1', kind: 'Eviction' },
  { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' },
];
const META_TYPES = ['DeleteOptions', 'Status', 'WatchEvent', 'Patch', 'APIResourceList'].map((t) => `io.k8s.apimachinery.pkg.apis.meta.v1.${t}`);

function gvks(schema: Schema): Gvk[] {
  return (schema['x-kubernetes-group-version-kind'] as Gvk[] | undefined) ?? [];
}

function definitionOf(gvk: Gvk): string {
  const name = Object.keys(swagger.definitions).find((n) => gvks(swagger.definitions[n]!).some((g) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind));
  if (!name) throw new Error(`no definition for ${JSON.stringify(gvk)}`);
  return name;
}

const roots = new Set(META_TYPES);
for (const def of allResourceDefinitions()) {
  const { group, version, kind } = def.info;
  roots.add(definitionOf({ group, version, kind }));
  roots.add(definitionOf({ group, version, kind: `${kind}List` }));
}
for (const gvk of EXTRA_KINDS) roots.add(definitionOf(gvk));

const reached = new Set<string>();
function visit(value: unknown): void {
  if (Array.isArray(value)) value.forEach(visit);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') reach(v.replace('#/definitions/', ''));
      else visit(v);
    }
  }
}
function reach(name: string): void {
  if (reached.has(name)) return;
  reached.add(name);
  visit(swagger.definitions[name]);
}
roots.forEach(reach);

/** Go import path of a definition's package: io.k8s.api.core.v1.Pod → k8s.io/api/core/v1. */
function goPackageOf(definition: string): string | undefined {
  const pkg = definition.split('.').slice(0, -1).join('/');
  if (pkg.startsWith('io/k8s/api/')) return `k8s.io/api/${pkg.slice('io/k8s/api/'.length)}`;
  if (pkg.startsWith('io/k8s/apimachinery/')) return `k8s.io/apimachinery/${pkg.slice('io/k8s/apimachinery/'.length)}`;
  return undefined;
}
const universe = new GoUniverse((importPath) => {
  if (importPath.startsWith('k8s.io/api/')) return readGoPackage(join(apiDir, importPath.slice('k8s.io/api/'.length)));
  if (importPath.startsWith('k8s.io/apimachinery/')) return readGoPackage(join(machineryDir, importPath.slice('k8s.io/apimachinery/'.length)));
  return undefined;
});

/** definition → property → what v3 adds. */
const v3: Record<string, Record<string, PropertyFacts>> = {};
for (const name of [...reached].sort()) {
  const props = swagger.definitions[name]!['properties'] as Record<string, Schema> | undefined;
  const goPackage = goPackageOf(name);
  if (!props || !goPackage) continue;
  const fields = universe.fields(goPackage, name.slice(name.lastIndexOf('.') + 1));
  for (const prop of Object.keys(props)) {
    const entry = fields.get(prop);
    if (!entry) throw new Error(`${name}.${prop} not found in the Go types of ${goPackage}`);
    const facts = propertyFacts(universe, entry.pkgPath, entry.field);
    if (Object.keys(facts).length > 0) (v3[name] ??= {})[prop] = facts;
  }
}

/** Parameters as the pod and node paths document them; subresource options are keyed `log.x`, `exec.x`, `proxy.x`. */
const PARAMETER_SOURCES: [string, string][] = [
  ['', '/api/v1/namespaces/{namespace}/pods'],
  ['', '/api/v1/namespaces/{namespace}/pods/{name}'],
  ['', '/api/v1/pods'],
  ['log.', '/api/v1/namespaces/{namespace}/pods/{name}/log'],
  ['exec.', '/api/v1/namespaces/{namespace}/pods/{name}/exec'],
  ['proxy.', '/api/v1/nodes/{name}/proxy'],
  ['proxyPath.', '/api/v1/nodes/{name}/proxy/{path}'],
];
const parameters: Record<string, Schema> = {};
for (const [prefix, path] of PARAMETER_SOURCES) {
  for (const [method, op] of Object.entries(swagger.paths[path]!)) {
    const params = method === 'parameters' ? (op as Schema[]) : (((op as Schema)['parameters'] as Schema[] | undefined) ?? []);
    // PatchOptions document fieldManager and force differently from CreateOptions.
    const key = method === 'patch' ? 'patch.' : prefix;
    for (const p of params) {
      const param = typeof p['$ref'] === 'string' ? swagger.parameters[(p['$ref'] as string).replace('#/parameters/', '')]! : p;
      if (param['in'] === 'body' || param['name'] === 'name') continue;
      const base = parameters[param['name'] as string];
      if (!base || JSON.stringify(base) !== JSON.stringify(param)) parameters[`${key}${param['name'] as string}`] ??= param;
    }
  }
}

const definitions = Object.fromEntries([...reached].sort().map((n) => [n, swagger.definitions[n]!]));
const data = {
  source: 'Kubernetes release-1.35 api/openapi-spec/swagger.json; enums and defaults from k8s.io/api and k8s.io/apimachinery v0.35.2',
  definitions,
  v3,
  parameters: Object.fromEntries(Object.entries(parameters).sort(([a], [b]) => a.localeCompare(b))),
  securityDefinitions: (swagger as unknown as Schema)['securityDefinitions'],
};
writeFileSync(out, `${JSON.stringify(data, null, 1)}\n`);
console.log(`${out}: ${reached.size} definitions`);
