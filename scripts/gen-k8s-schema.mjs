#!/usr/bin/env node
// Generates the Kubernetes JSON schema the editor validates YAML against (bundled, never fetched).
// kubernetes-models' .d.ts files carry the API's field docs (shown on hover), required lists and
// const apiVersion/kind; ts-json-schema-generator turns them into one schema with an if/then
// branch per kind. Neither package is a dependency of the app, so run this from a scratch folder:
//
//   npm install --no-save ts-json-schema-generator@2.9.0 kubernetes-models@5.1.0
//   node <repo>/scripts/gen-k8s-schema.mjs <repo>/src/ui/editor/k8s-schema.json
//
// Regenerate only when the list of kinds or kubernetes-models changes; the output is committed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const out = process.argv[2];
if (!out) throw new Error('usage: gen-k8s-schema.mjs OUTPUT.json');
const { createGenerator } = createRequire(join(process.cwd(), 'package.json'))('ts-json-schema-generator');

/** [apiVersion, kind, module, interface]: the kinds the simulated cluster serves and the CKA uses. */
const KINDS = [
  ['v1', 'Pod', 'kubernetes-models/v1/Pod', 'IPod'],
  ['apps/v1', 'Deployment', 'kubernetes-models/apps/v1/Deployment', 'IDeployment'],
  ['apps/v1', 'ReplicaSet', 'kubernetes-models/apps/v1/ReplicaSet', 'IReplicaSet'],
  ['apps/v1', 'DaemonSet', 'kubernetes-models/apps/v1/DaemonSet', 'IDaemonSet'],
  ['apps/v1', 'StatefulSet', 'kubernetes-models/apps/v1/StatefulSet', 'IStatefulSet'],
  ['batch/v1', 'Job', 'kubernetes-models/batch/v1/Job', 'IJob'],
  ['batch/v1', 'CronJob', 'kubernetes-models/batch/v1/CronJob', 'ICronJob'],
  ['v1', 'Service', 'kubernetes-models/v1/Service', 'IService'],
  ['v1', 'Endpoints', 'kubernetes-models/v1/Endpoints', 'IEndpoints'],
  ['v1', 'ConfigMap', 'kubernetes-models/v1/ConfigMap', 'IConfigMap'],
  ['v1', 'Secret', 'kubernetes-models/v1/Secret', 'ISecret'],
  ['v1', 'Namespace', 'kubernetes-models/v1/Namespace', 'INamespace'],
  ['v1', 'Node', 'kubernetes-models/v1/Node', 'INode'],
  ['v1', 'ServiceAccount', 'kubernetes-models/v1/ServiceAccount', 'IServiceAccount'],
  ['v1', 'PersistentVolume', 'kubernetes-models/v1/PersistentVolume', 'IPersistentVolume'],
  ['v1', 'PersistentVolumeClaim', 'kubernetes-models/v1/PersistentVolumeClaim', 'IPersistentVolumeClaim'],
  ['v1', 'LimitRange', 'kubernetes-models/v1/LimitRange', 'ILimitRange'],
  ['v1', 'ResourceQuota', 'kubernetes-models/v1/ResourceQuota', 'IResourceQuota'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler', 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler', 'IHorizontalPodAutoscaler'],
  ['policy/v1', 'PodDisruptionBudget', 'kubernetes-models/policy/v1/PodDisruptionBudget', 'IPodDisruptionBudget'],
  ['scheduling.k8s.io/v1', 'PriorityClass', 'kubernetes-models/scheduling.k8s.io/v1/PriorityClass', 'IPriorityClass'],
  ['storage.k8s.io/v1', 'StorageClass', 'kubernetes-models/storage.k8s.io/v1/StorageClass', 'IStorageClass'],
  ['networking.k8s.io/v1', 'NetworkPolicy', 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy', 'INetworkPolicy'],
  ['networking.k8s.io/v1', 'Ingress', 'kubernetes-models/networking.k8s.io/v1/Ingress', 'IIngress'],
  ['rbac.authorization.k8s.io/v1', 'Role', 'kubernetes-models/rbac.authorization.k8s.io/v1/Role', 'IRole'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding', 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding', 'IRoleBinding'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole', 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole', 'IClusterRole'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding', 'IClusterRoleBinding'],
];

const tmp = join(process.cwd(), '.schema-tmp');
mkdirSync(tmp, { recursive: true });
const entry = join(tmp, 'entry.ts');
writeFileSync(entry, KINDS.map(([, kind, mod, iface]) => `import type { ${iface} as ${kind}T } from '${mod}';\nexport type K8s${kind} = ${kind}T;`).join('\n') + '\n');
writeFileSync(
  join(tmp, 'tsconfig.json'),
  JSON.stringify({ compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler', target: 'es2022', skipLibCheck: true }, files: ['entry.ts'] }),
);
const types = KINDS.map(([, kind]) => `K8s${kind}`);
const generator = createGenerator({
  path: entry,
  tsconfig: join(tmp, 'tsconfig.json'),
  type: types,
  additionalProperties: false,
  skipTypeCheck: true,
  jsDoc: 'extended',
  topRef: true,
});
const { definitions } = generator.createSchema(types);
const branches = KINDS.map(([apiVersion, kind]) => ({
  if: { properties: { kind: { const: kind } }, required: ['kind'] },
  then: { $ref: definitions[`K8s${kind}`].$ref, properties: { apiVersion: { const: apiVersion } } },
}));
for (const type of types) delete definitions[type];
// kubectl's client-side output (`create … --dry-run=client -o yaml`) prints `creationTimestamp: null`.
definitions.ITime.type = ['string', 'null'];
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['apiVersion', 'kind'],
  properties: { apiVersion: { enum: [...new Set(KINDS.map(([apiVersion]) => apiVersion))] }, kind: { enum: KINDS.map(([, kind]) => kind) } },
  allOf: branches,
  definitions,
};
writeFileSync(out, JSON.stringify(schema) + '\n');
rmSync(tmp, { recursive: true, force: true });
