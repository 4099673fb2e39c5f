import { describe, expect, it } from 'vitest';
import { apiResources, groupVersions } from './discovery.ts';

describe('discovery', () => {
  it('reads the core group first and each preferred version before the others', () => {
    const groups = {
      groups: [
        { name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { version: 'v1' } },
        {
          name: 'autoscaling',
          versions: [
            { groupVersion: 'autoscaling/v1', version: 'v1' },
            { groupVersion: 'autoscaling/v2', version: 'v2' },
          ],
          preferredVersion: { version: 'v2' },
        },
      ],
    };
    expect(groupVersions({ versions: ['v1'] }, groups)).toEqual([
      ['', 'v1'],
      ['apps', 'v1'],
      ['autoscaling', 'v2'],
      ['autoscaling', 'v1'],
    ]);
  });

  it('folds pods/log-style entries into their parent as subresources', () => {
    const list = {
      groupVersion: 'v1',
      resources: [
        { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['get', 'list', 'proxy'], shortNames: ['po'], categories: ['all'] },
        { name: 'pods/exec', singularName: '', namespaced: true, kind: 'PodExecOptions', verbs: ['create', 'get'] },
        { name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] },
        { name: 'nodes', singularName: '', namespaced: false, kind: 'Node', verbs: ['get'] },
      ],
    };
    expect(apiResources('', 'v1', list)).toEqual([
      {
        group: '',
        version: 'v1',
        name: 'pods',
        singularName: 'pod',
        kind: 'Pod',
        namespaced: true,
        shortNames: ['po'],
        verbs: ['get', 'list'],
        categories: ['all'],
        subresources: ['exec', 'log'],
      },
      { group: '', version: 'v1', name: 'nodes', singularName: 'node', kind: 'Node', namespaced: false, shortNames: [], verbs: ['get'], categories: [], subresources: [] },
    ]);
  });
});
