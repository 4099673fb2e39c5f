import { describe, expect, it } from 'vitest';
import { allResourceDefinitions } from '../resources/index.ts';
import { openApiV2Document } from './index.ts';

const resources = allResourceDefinitions().map((d) => d.info);
type Doc = { definitions: Record<string, Record<string, unknown>>; paths: Record<string, Record<string, Record<string, unknown>>> };
const doc = openApiV2Document(resources) as Doc;

function extensions(definition: string, property: string): Record<string, unknown> {
  const props = doc.definitions[definition]?.['properties'] as Record<string, Record<string, unknown>>;
  return Object.fromEntries(Object.entries(props[property] ?? {}).filter(([k]) => k.startsWith('x-kubernetes-')));
}

function parameterNames(path: string, method: string): string[] {
  const item = doc.paths[path] ?? {};
  const own = (item[method]?.['parameters'] as { name: string }[] | undefined) ?? [];
  const shared = (item['parameters'] as unknown as { name: string }[] | undefined) ?? [];
  return [...own, ...shared].map((p) => p.name);
}

describe('openApiV2Document', () => {
  it('names every served kind as upstream does and tags it with its group-version-kind', () => {
    const kinds = resources.map((r) => {
      const name = Object.keys(doc.definitions).find(
        (n) => JSON.stringify(doc.definitions[n]?.['x-kubernetes-group-version-kind']) === JSON.stringify([{ group: r.group, kind: r.kind, version: r.version }]),
      );
      return `${r.group}/${r.kind} ${name}`;
    });
    expect(kinds).toEqual([
      '/ConfigMap io.k8s.api.core.v1.ConfigMap',
      '/Endpoints io.k8s.api.core.v1.Endpoints',
      '/Event io.k8s.api.core.v1.Event',
      '/LimitRange io.k8s.api.core.v1.LimitRange',
      '/Namespace io.k8s.api.core.v1.Namespace',
      '/Node io.k8s.api.core.v1.Node',
      '/PersistentVolumeClaim io.k8s.api.core.v1.PersistentVolumeClaim',
      '/PersistentVolume io.k8s.api.core.v1.PersistentVolume',
      '/Pod io.k8s.api.core.v1.Pod',
      '/ResourceQuota io.k8s.api.core.v1.ResourceQuota',
      '/Secret io.k8s.api.core.v1.Secret',
      '/ServiceAccount io.k8s.api.core.v1.ServiceAccount',
      '/Service io.k8s.api.core.v1.Service',
      'apps/ControllerRevision io.k8s.api.apps.v1.ControllerRevision',
      'apps/DaemonSet io.k8s.api.apps.v1.DaemonSet',
      'apps/Deployment io.k8s.api.apps.v1.Deployment',
      'apps/ReplicaSet io.k8s.api.apps.v1.ReplicaSet',
      'apps/StatefulSet io.k8s.api.apps.v1.StatefulSet',
      'batch/CronJob io.k8s.api.batch.v1.CronJob',
      'batch/Job io.k8s.api.batch.v1.Job',
      'policy/PodDisruptionBudget io.k8s.api.policy.v1.PodDisruptionBudget',
      'storage.k8s.io/StorageClass io.k8s.api.storage.v1.StorageClass',
      'apiextensions.k8s.io/CustomResourceDefinition io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition',
      'scheduling.k8s.io/PriorityClass io.k8s.api.scheduling.v1.PriorityClass',
      'coordination.k8s.io/Lease io.k8s.api.coordination.v1.Lease',
      'discovery.k8s.io/EndpointSlice io.k8s.api.discovery.v1.EndpointSlice',
    ]);
  });

  const mergeCases = [
    {
      name: 'containers merge by name',
      definition: 'io.k8s.api.core.v1.PodSpec',
      property: 'containers',
      want: { 'x-kubernetes-list-map-keys': ['name'], 'x-kubernetes-list-type': 'map', 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge' },
    },
    {
      name: 'env merges by name',
      definition: 'io.k8s.api.core.v1.Container',
      property: 'env',
      want: { 'x-kubernetes-list-map-keys': ['name'], 'x-kubernetes-list-type': 'map', 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge' },
    },
    {
      name: 'container ports merge by containerPort',
      definition: 'io.k8s.api.core.v1.Container',
      property: 'ports',
      want: {
        'x-kubernetes-list-map-keys': ['containerPort', 'protocol'],
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-patch-merge-key': 'containerPort',
        'x-kubernetes-patch-strategy': 'merge',
      },
    },
    {
      name: 'volumes merge by name and retain keys',
      definition: 'io.k8s.api.core.v1.PodSpec',
      property: 'volumes',
      want: { 'x-kubernetes-list-map-keys': ['name'], 'x-kubernetes-list-type': 'map', 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge,retainKeys' },
    },
    {
      name: 'volume mounts merge by mountPath',
      definition: 'io.k8s.api.core.v1.Container',
      property: 'volumeMounts',
      want: { 'x-kubernetes-list-map-keys': ['mountPath'], 'x-kubernetes-list-type': 'map', 'x-kubernetes-patch-merge-key': 'mountPath', 'x-kubernetes-patch-strategy': 'merge' },
    },
    {
      name: 'service ports merge by port',
      definition: 'io.k8s.api.core.v1.ServiceSpec',
      property: 'ports',
      want: { 'x-kubernetes-list-map-keys': ['port', 'protocol'], 'x-kubernetes-list-type': 'map', 'x-kubernetes-patch-merge-key': 'port', 'x-kubernetes-patch-strategy': 'merge' },
    },
    { name: 'tolerations are atomic', definition: 'io.k8s.api.core.v1.PodSpec', property: 'tolerations', want: { 'x-kubernetes-list-type': 'atomic' } },
  ];
  it.each(mergeCases)('$name', ({ definition, property, want }) => {
    expect(extensions(definition, property)).toEqual(want);
  });

  it('serves the deployment paths upstream serves', () => {
    expect(Object.keys(doc.paths).filter((p) => p.includes('deployments'))).toEqual([
      '/apis/apps/v1/deployments',
      '/apis/apps/v1/namespaces/{namespace}/deployments',
      '/apis/apps/v1/namespaces/{namespace}/deployments/{name}',
      '/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale',
      '/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status',
      '/apis/apps/v1/watch/deployments',
      '/apis/apps/v1/watch/namespaces/{namespace}/deployments',
      '/apis/apps/v1/watch/namespaces/{namespace}/deployments/{name}',
    ]);
  });

  const parameterCases = [
    { name: 'create', path: '/api/v1/namespaces/{namespace}/pods', method: 'post', want: ['body', 'dryRun', 'fieldManager', 'fieldValidation', 'namespace', 'pretty'] },
    {
      name: 'patch',
      path: '/api/v1/namespaces/{namespace}/pods/{name}',
      method: 'patch',
      want: ['body', 'dryRun', 'fieldManager', 'fieldValidation', 'force', 'name', 'namespace', 'pretty'],
    },
    {
      name: 'replace',
      path: '/apis/apps/v1/namespaces/{namespace}/deployments/{name}',
      method: 'put',
      want: ['body', 'dryRun', 'fieldManager', 'fieldValidation', 'name', 'namespace', 'pretty'],
    },
    {
      name: 'delete',
      path: '/api/v1/namespaces/{name}',
      method: 'delete',
      want: ['body', 'dryRun', 'gracePeriodSeconds', 'ignoreStoreReadErrorWithClusterBreakingPotential', 'orphanDependents', 'propagationPolicy', 'name', 'pretty'],
    },
    {
      name: 'log',
      path: '/api/v1/namespaces/{namespace}/pods/{name}/log',
      method: 'get',
      want: ['container', 'follow', 'insecureSkipTLSVerifyBackend', 'limitBytes', 'name', 'namespace', 'pretty', 'previous', 'sinceSeconds', 'stream', 'tailLines', 'timestamps'],
    },
  ];
  it.each(parameterCases)('documents the $name parameters', ({ path, method, want }) => {
    expect(parameterNames(path, method)).toEqual(want);
  });

  const descriptionCases = [
    { name: 'a kind takes "a"', path: '/api/v1/namespaces/{namespace}/pods', method: 'post', want: 'createCoreV1NamespacedPod: create a Pod' },
    {
      name: 'a vowel takes "an"',
      path: '/apis/discovery.k8s.io/v1/namespaces/{namespace}/endpointslices/{name}',
      method: 'delete',
      want: 'deleteDiscoveryV1NamespacedEndpointSlice: delete an EndpointSlice',
    },
    { name: 'a plural kind takes no article', path: '/api/v1/namespaces/{namespace}/endpoints', method: 'post', want: 'createCoreV1NamespacedEndpoints: create Endpoints' },
    {
      name: 'a subresource names its parent',
      path: '/api/v1/namespaces/{namespace}/pods/{name}/eviction',
      method: 'post',
      want: 'createCoreV1NamespacedPodEviction: create eviction of a Pod',
    },
    {
      name: 'the node proxy connects every method',
      path: '/api/v1/nodes/{name}/proxy/{path}',
      method: 'options',
      want: 'connectCoreV1OptionsNodeProxyWithPath: connect OPTIONS requests to proxy of Node',
    },
    {
      name: 'a namespace is finalized by replacing it',
      path: '/api/v1/namespaces/{name}/finalize',
      method: 'put',
      want: 'replaceCoreV1NamespaceFinalize: replace finalize of the specified Namespace',
    },
    {
      name: 'watching one object is deprecated',
      path: '/api/v1/watch/namespaces/{namespace}/pods/{name}',
      method: 'get',
      want: "watchCoreV1NamespacedPod: watch changes to an object of kind Pod. deprecated: use the 'watch' parameter with a list operation instead, filtered to a single item with the 'fieldSelector' parameter.",
    },
  ];
  it.each(descriptionCases)('$name', ({ path, method, want }) => {
    const op = doc.paths[path]?.[method];
    expect(`${String(op?.['operationId'])}: ${String(op?.['description'])}`).toBe(want);
  });

  it('describes the patch of a pod as upstream does', () => {
    const { parameters: _parameters, responses: _responses, ...patch } = doc.paths['/api/v1/namespaces/{namespace}/pods/{name}']?.['patch'] ?? {};
    expect(patch).toEqual({
      consumes: [
        'application/json-patch+json',
        'application/merge-patch+json',
        'application/strategic-merge-patch+json',
        'application/apply-patch+yaml',
        'application/apply-patch+cbor',
      ],
      description: 'partially update the specified Pod',
      operationId: 'patchCoreV1NamespacedPod',
      produces: ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf', 'application/cbor'],
      schemes: ['https'],
      tags: ['core_v1'],
      'x-kubernetes-action': 'patch',
      'x-kubernetes-group-version-kind': { group: '', version: 'v1', kind: 'Pod' },
    });
  });
});
