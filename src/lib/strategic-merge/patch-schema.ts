/**
 * Strategic-merge metadata (`patchStrategy` / `patchMergeKey` struct tags of k8s.io/api) for the
 * kinds we simulate. Fields without an entry merge as maps (objects) or are replaced (lists).
 */

export interface PatchField {
  /** e.g. ['merge'], ['retainKeys'], ['merge', 'retainKeys'], ['replace']. */
  strategy?: string[];
  mergeKey?: string;
  /** Schema of the struct, or of each list element. */
  schema?: PatchSchema;
}

export interface PatchSchema {
  fields?: Record<string, PatchField>;
}

export const emptyPatchSchema: PatchSchema = {};

export function lookupPatchField(schema: PatchSchema, key: string): PatchField {
  return schema.fields?.[key] ?? {};
}

const struct = (fields: Record<string, PatchField>): PatchField => ({ schema: { fields } });
const mergeBy = (mergeKey: string, fields: Record<string, PatchField> = {}, retainKeys = false): PatchField => ({
  strategy: retainKeys ? ['merge', 'retainKeys'] : ['merge'],
  mergeKey,
  schema: { fields },
});
const mergePrimitives: PatchField = { strategy: ['merge'] };
const byType = mergeBy('type');

const objectMeta = struct({
  finalizers: mergePrimitives,
  ownerReferences: mergeBy('uid'),
});

const container: Record<string, PatchField> = {
  ports: mergeBy('containerPort'),
  env: mergeBy('name'),
  volumeMounts: mergeBy('mountPath'),
  volumeDevices: mergeBy('devicePath'),
};

const podSpec = struct({
  volumes: mergeBy('name', {}, true),
  initContainers: mergeBy('name', container),
  containers: mergeBy('name', container),
  ephemeralContainers: mergeBy('name', container),
  imagePullSecrets: mergeBy('name'),
  hostAliases: mergeBy('ip'),
  topologySpreadConstraints: mergeBy('topologyKey'),
  resourceClaims: mergeBy('name', {}, true),
  schedulingGates: mergeBy('name'),
});

const podStatus = struct({
  conditions: byType,
  podIPs: mergeBy('ip'),
  hostIPs: mergeBy('ip'),
});

const podTemplateSpec = struct({ metadata: objectMeta, spec: podSpec });
const workloadStatus = struct({ conditions: byType });

const jobSpec = struct({ template: podTemplateSpec });

const schemas: Record<string, PatchSchema> = {
  'v1/Pod': { fields: { metadata: objectMeta, spec: podSpec, status: podStatus } },
  'v1/PodTemplate': { fields: { metadata: objectMeta, template: podTemplateSpec } },
  'v1/ReplicationController': {
    fields: { metadata: objectMeta, spec: struct({ template: podTemplateSpec }), status: workloadStatus },
  },
  'apps/v1/Deployment': {
    fields: {
      metadata: objectMeta,
      spec: struct({ template: podTemplateSpec, strategy: { strategy: ['retainKeys'] } }),
      status: workloadStatus,
    },
  },
  'apps/v1/ReplicaSet': { fields: { metadata: objectMeta, spec: struct({ template: podTemplateSpec }), status: workloadStatus } },
  'apps/v1/DaemonSet': { fields: { metadata: objectMeta, spec: struct({ template: podTemplateSpec }), status: workloadStatus } },
  'apps/v1/StatefulSet': { fields: { metadata: objectMeta, spec: struct({ template: podTemplateSpec }), status: workloadStatus } },
  'batch/v1/Job': { fields: { metadata: objectMeta, spec: jobSpec, status: workloadStatus } },
  'batch/v1/CronJob': {
    fields: { metadata: objectMeta, spec: struct({ jobTemplate: struct({ metadata: objectMeta, spec: jobSpec }) }) },
  },
  'v1/Service': {
    fields: {
      metadata: objectMeta,
      spec: struct({ ports: mergeBy('port') }),
      status: struct({ conditions: byType }),
    },
  },
  'v1/Node': {
    fields: { metadata: objectMeta, status: struct({ conditions: byType, addresses: byType }) },
  },
  'v1/Namespace': { fields: { metadata: objectMeta, status: struct({ conditions: byType }) } },
  'v1/ConfigMap': { fields: { metadata: objectMeta } },
  'v1/Secret': { fields: { metadata: objectMeta } },
  'v1/Endpoints': { fields: { metadata: objectMeta } },
  'v1/ServiceAccount': { fields: { metadata: objectMeta, secrets: mergeBy('name') } },
  'v1/PersistentVolumeClaim': { fields: { metadata: objectMeta, status: struct({ conditions: byType }) } },
  'v1/PersistentVolume': { fields: { metadata: objectMeta } },
  'v1/Event': { fields: { metadata: objectMeta } },
};

/** Known kinds get their struct tags; unknown kinds (CRDs) get none, which patches like JSON merge. */
export function patchSchemaFor(apiVersion: string, kind: string): PatchSchema {
  return schemas[`${apiVersion}/${kind}`] ?? emptyPatchSchema;
}

/** Whether the server accepts strategic merge patches for the kind (it refuses them for custom resources). */
export function supportsStrategicMerge(apiVersion: string, kind: string): boolean {
  return Object.hasOwn(schemas, `${apiVersion}/${kind}`);
}
