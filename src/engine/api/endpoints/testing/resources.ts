/** A small discovery list for the serve tests: core pods and namespaces, apps deployments. */
import type { ApiResource } from '../../client.ts';

const VERBS: ApiResource['verbs'] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const TEST_RESOURCES: ApiResource[] = [
  {
    group: '',
    version: 'v1',
    name: 'namespaces',
    singularName: 'namespace',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
    verbs: VERBS.filter((v) => v !== 'deletecollection'),
    categories: [],
    subresources: ['status', 'finalize'],
  },
  {
    group: '',
    version: 'v1',
    name: 'pods',
    singularName: 'pod',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
    verbs: VERBS,
    categories: ['all'],
    subresources: ['status', 'log', 'exec'],
  },
  {
    group: 'apps',
    version: 'v1',
    name: 'deployments',
    singularName: 'deployment',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
    verbs: VERBS,
    categories: ['all'],
    subresources: ['status', 'scale'],
  },
];
