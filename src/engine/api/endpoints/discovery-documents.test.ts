import { describe, expect, it } from 'vitest';
import { apiGroupDiscoveryList, apiGroupList, apiResourceList } from './discovery-documents.ts';
import { TEST_RESOURCES } from './testing/resources.ts';

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

describe('legacy discovery', () => {
  it('lists the named groups with their preferred version', () => {
    expect(apiGroupList(TEST_RESOURCES)).toEqual({
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [{ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } }],
    });
  });

  it('lists each resource followed by its subresources, as kubectl api-resources reads them', () => {
    expect(apiResourceList(TEST_RESOURCES, 'apps', 'v1')).toEqual({
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: 'apps/v1',
      resources: [
        { name: 'deployments', singularName: 'deployment', namespaced: true, kind: 'Deployment', verbs: VERBS, shortNames: ['deploy'], categories: ['all'] },
        { name: 'deployments/scale', singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] },
        { name: 'deployments/status', singularName: '', namespaced: true, kind: 'Deployment', verbs: ['get', 'patch', 'update'] },
      ],
    });
  });

  it('lists pods/log and pods/exec with the kinds the real server gives them', () => {
    const list = apiResourceList(TEST_RESOURCES, '', 'v1') as { resources: { name: string; kind: string; verbs: string[] }[] };
    expect(list.resources.filter((r) => r.name.startsWith('pods/')).map((r) => `${r.name} ${r.kind} ${r.verbs.join(',')}`)).toEqual([
      'pods/exec PodExecOptions create,get',
      'pods/log Pod get',
      'pods/status Pod get,patch,update',
    ]);
  });
});

describe('aggregated discovery', () => {
  it('answers /apis with every named group, resources and subresources inline', () => {
    expect(apiGroupDiscoveryList(TEST_RESOURCES, 'named', 'v2')).toEqual({
      kind: 'APIGroupDiscoveryList',
      apiVersion: 'apidiscovery.k8s.io/v2',
      metadata: {},
      items: [
        {
          metadata: { name: 'apps', creationTimestamp: null },
          versions: [
            {
              version: 'v1',
              resources: [
                {
                  resource: 'deployments',
                  responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
                  scope: 'Namespaced',
                  singularResource: 'deployment',
                  verbs: VERBS,
                  shortNames: ['deploy'],
                  categories: ['all'],
                  subresources: [
                    { subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] },
                    { subresource: 'status', responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' }, verbs: ['get', 'patch', 'update'] },
                  ],
                },
              ],
              freshness: 'Current',
            },
          ],
        },
      ],
    });
  });

  it('answers /api with the core group alone, unnamed, cluster-scoped resources marked', () => {
    const list = apiGroupDiscoveryList(TEST_RESOURCES, 'core', 'v2beta1') as {
      apiVersion: string;
      items: { metadata: unknown; versions: { resources: { resource: string; scope: string }[] }[] }[];
    };
    expect(list.apiVersion).toBe('apidiscovery.k8s.io/v2beta1');
    expect(list.items.map((i) => i.metadata)).toEqual([{ creationTimestamp: null }]);
    expect(list.items[0]!.versions[0]!.resources.map((r) => `${r.resource} ${r.scope}`)).toEqual(['namespaces Cluster', 'pods Namespaced']);
  });
});
