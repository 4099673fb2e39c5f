import { describe, expect, it } from 'vitest';
import type { ApiResource } from '../../engine/api/client.ts';
import { deletedLine, type DeleteSettings } from './deleted-line.ts';

function resource(kind: string, group: string, namespaced: boolean): ApiResource {
  return { group, version: 'v1', name: `${kind.toLowerCase()}s`, singularName: kind.toLowerCase(), kind, namespaced, shortNames: [], verbs: [], categories: [], subresources: [] };
}

const deployment = resource('Deployment', 'apps', true);
const pod = resource('Pod', '', true);
const namespace = resource('Namespace', '', false);

// Cases follow pkg/cmd/delete/delete.go PrintObj in kubectl v1.35.
const cases: { name: string; target: Parameters<typeof deletedLine>[0]; settings: DeleteSettings; want: string }[] = [
  {
    name: 'namespaced object names its namespace',
    target: { resource: deployment, name: 'x', namespace: 'default' },
    settings: { gracePeriodSeconds: -1 },
    want: 'deployment.apps "x" deleted from default namespace\n',
  },
  { name: 'force deletion', target: { resource: pod, name: 'p', namespace: 'dev' }, settings: { gracePeriodSeconds: 0 }, want: 'pod "p" force deleted from dev namespace\n' },
  {
    name: 'cluster-scoped object has no namespace',
    target: { resource: namespace, name: 'dev', namespace: undefined },
    settings: { gracePeriodSeconds: -1 },
    want: 'namespace "dev" deleted\n',
  },
  {
    name: 'client dry run',
    target: { resource: pod, name: 'p', namespace: 'default' },
    settings: { gracePeriodSeconds: -1, dryRun: 'client' },
    want: 'pod "p" deleted from default namespace (dry run)\n',
  },
  {
    name: 'server dry run',
    target: { resource: pod, name: 'p', namespace: 'default' },
    settings: { gracePeriodSeconds: 1, dryRun: 'server' },
    want: 'pod "p" deleted from default namespace (server dry run)\n',
  },
  {
    name: '-o name prints kind/name only',
    target: { resource: deployment, name: 'x', namespace: 'default' },
    settings: { gracePeriodSeconds: 0, output: 'name' },
    want: 'deployment.apps/x\n',
  },
];

describe('deletedLine', () => {
  it.each(cases)('$name', ({ target, settings, want }) => {
    expect(deletedLine(target, settings)).toBe(want);
  });
});
