import { describe, expect, it } from 'vitest';
import { patchSchemaFor } from './patch-schema.ts';
import { strategicMergePatch } from './strategic-merge-patch.ts';

const podSchema = patchSchemaFor('v1', 'Pod');
const deploymentSchema = patchSchemaFor('apps/v1', 'Deployment');

const pod = {
  metadata: { name: 'p', labels: { app: 'web', tier: 'fe' }, finalizers: ['a', 'b'] },
  spec: {
    containers: [
      { name: 'app', image: 'nginx:1.26', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }] },
      { name: 'sidecar', image: 'busybox' },
    ],
    tolerations: [{ key: 'k1', operator: 'Exists' }],
  },
  status: {
    conditions: [
      { type: 'Ready', status: 'False' },
      { type: 'Initialized', status: 'True' },
    ],
  },
};

describe('strategicMergePatch', () => {
  const cases: { name: string; patch: unknown; expected: unknown; schema?: typeof podSchema; target?: unknown }[] = [
    {
      name: 'merges containers by name',
      patch: { spec: { containers: [{ name: 'sidecar', image: 'busybox:1.36' }] } },
      expected: { ...pod.spec, containers: [pod.spec.containers[0], { name: 'sidecar', image: 'busybox:1.36' }] },
    },
    {
      name: 'puts a new list item before the items only the server has, as apimachinery does',
      patch: { spec: { containers: [{ name: 'extra', image: 'redis' }] } },
      expected: { ...pod.spec, containers: [{ name: 'extra', image: 'redis' }, ...pod.spec.containers] },
    },
    {
      name: 'deletes a list item with $patch: delete',
      patch: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } },
      expected: { ...pod.spec, containers: [pod.spec.containers[0]] },
    },
    {
      name: 'replaces a merging list with $patch: replace',
      patch: { spec: { containers: [{ name: 'only', image: 'x' }, { $patch: 'replace' }] } },
      expected: { ...pod.spec, containers: [{ name: 'only', image: 'x' }] },
    },
    {
      name: 'replaces lists without a strategy (tolerations)',
      patch: { spec: { tolerations: [{ key: 'k2', operator: 'Exists' }] } },
      expected: { ...pod.spec, tolerations: [{ key: 'k2', operator: 'Exists' }] },
    },
    {
      name: 'merges nested lists (env by name, ports by containerPort)',
      patch: { spec: { containers: [{ name: 'app', env: [{ name: 'A', value: '2' }], ports: [{ containerPort: 80, name: 'http' }] }] } },
      expected: {
        ...pod.spec,
        containers: [{ name: 'app', image: 'nginx:1.26', ports: [{ containerPort: 80, name: 'http' }], env: [{ name: 'A', value: '2' }] }, pod.spec.containers[1]],
      },
    },
    {
      name: 'orders items with $setElementOrder',
      patch: { spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'app' }], containers: [{ name: 'app', image: 'nginx:1.27' }] } },
      expected: { ...pod.spec, containers: [pod.spec.containers[1], { ...pod.spec.containers[0], image: 'nginx:1.27' }] },
    },
    {
      name: 'deletes a field with null',
      patch: { spec: { tolerations: null } },
      expected: { containers: pod.spec.containers },
    },
  ];
  it.each(cases)('$name', ({ patch, expected }) => {
    const result = strategicMergePatch(pod, patch, podSchema) as { spec: unknown };
    expect(result.spec).toEqual(expected);
  });

  const metadataCases: { name: string; patch: unknown; expected: unknown }[] = [
    { name: 'merges labels', patch: { metadata: { labels: { tier: null, env: 'prod' } } }, expected: { app: 'web', env: 'prod' } },
    { name: 'replaces a map with $patch: replace', patch: { metadata: { labels: { $patch: 'replace', only: 'x' } } }, expected: { only: 'x' } },
    { name: 'empties a map with $patch: delete', patch: { metadata: { labels: { $patch: 'delete' } } }, expected: {} },
  ];
  it.each(metadataCases)('$name', ({ patch, expected }) => {
    expect((strategicMergePatch(pod, patch, podSchema) as { metadata: { labels: unknown } }).metadata.labels).toEqual(expected);
  });

  it('merges primitive lists with a merge strategy and deletes from them', () => {
    const added = strategicMergePatch(pod, { metadata: { finalizers: ['c', 'a'] } }, podSchema) as { metadata: { finalizers: unknown } };
    expect(added.metadata.finalizers).toEqual(['c', 'a', 'b']);
    const removed = strategicMergePatch(pod, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } }, podSchema) as {
      metadata: { finalizers: unknown };
    };
    expect(removed.metadata.finalizers).toEqual(['b']);
  });

  it('merges status conditions by type', () => {
    const result = strategicMergePatch(pod, { status: { conditions: [{ type: 'Ready', status: 'True' }] } }, podSchema) as { status: unknown };
    expect(result.status).toEqual({
      conditions: [
        { type: 'Ready', status: 'True' },
        { type: 'Initialized', status: 'True' },
      ],
    });
  });

  it('drops keys not in $retainKeys (Deployment strategy)', () => {
    const deployment = { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } } } };
    const patch = { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } };
    expect(strategicMergePatch(deployment, patch, deploymentSchema)).toEqual({ spec: { strategy: { type: 'Recreate' } } });
  });

  it('keeps list-valued fields of unknown kinds atomic, like a JSON merge patch', () => {
    const schema = patchSchemaFor('example.com/v1', 'Widget');
    expect(strategicMergePatch({ spec: { items: [{ name: 'a' }], x: 1 } }, { spec: { items: [{ name: 'b' }] } }, schema)).toEqual({
      spec: { items: [{ name: 'b' }], x: 1 },
    });
  });

  it('does not store directives inside values the target lacks', () => {
    const result = strategicMergePatch({}, { spec: { containers: [{ name: 'a' }], '$setElementOrder/containers': [{ name: 'a' }] } }, podSchema);
    expect(result).toEqual({ spec: { containers: [{ name: 'a' }] } });
  });

  const errors: { name: string; patch: unknown; message: string }[] = [
    {
      name: 'a list item without its merge key',
      patch: { spec: { containers: [{ image: 'x' }] } },
      message: 'map: map[image:x] does not contain declared merge key: name',
    },
    { name: 'an unknown $patch directive', patch: { metadata: { labels: { $patch: 'bogus' } } }, message: 'unknown patch type: bogus in map: map[$patch:bogus]' },
    {
      name: 'a field outside $retainKeys',
      patch: { spec: { containers: [{ name: 'app', $retainKeys: ['name'], image: 'x' }] } },
      message: 'invalid patch format of retainKeys',
    },
  ];
  it.each(errors)('rejects $name', ({ patch, message }) => {
    expect(() => strategicMergePatch(pod, patch, podSchema)).toThrow(message);
  });
});
