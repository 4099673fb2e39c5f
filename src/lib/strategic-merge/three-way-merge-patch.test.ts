import { describe, expect, it } from 'vitest';
import { patchSchemaFor } from './patch-schema.ts';
import { strategicMergePatch } from './strategic-merge-patch.ts';
import { createThreeWayMergePatch, createTwoWayMergePatch } from './three-way-merge-patch.ts';

const schema = patchSchemaFor('apps/v1', 'Deployment');

function manifest(overrides: { image?: string; replicas?: number; labels?: Record<string, string>; containers?: unknown[]; strategy?: unknown } = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: overrides.labels ?? { app: 'web' } },
    spec: {
      replicas: overrides.replicas ?? 3,
      ...(overrides.strategy === undefined ? {} : { strategy: overrides.strategy }),
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: overrides.containers ?? [{ name: 'nginx', image: overrides.image ?? 'nginx:1.26' }] },
      },
    },
  };
}

// What the server holds after applying `manifest()`: defaults and status added by the server.
function live(from = manifest()) {
  const copy = structuredClone(from) as ReturnType<typeof manifest> & Record<string, unknown>;
  (copy.metadata as Record<string, unknown>)['uid'] = 'u-1';
  (copy.spec as Record<string, unknown>)['strategy'] = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
  (copy.spec.template.spec.containers[0] as Record<string, unknown>)['imagePullPolicy'] = 'IfNotPresent';
  copy['status'] = { replicas: 3 };
  return copy;
}

describe('createThreeWayMergePatch', () => {
  const cases: { name: string; original: unknown; modified: unknown; current: unknown; patch: unknown }[] = [
    { name: 'nothing to do when the manifest is unchanged', original: manifest(), modified: manifest(), current: live(), patch: {} },
    {
      name: 'changes an image, naming the list order',
      original: manifest(),
      modified: manifest({ image: 'nginx:1.27' }),
      current: live(),
      patch: {
        spec: {
          template: {
            spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
          },
        },
      },
    },
    {
      name: 'deletes a label dropped from the manifest, keeps server-set fields',
      original: manifest({ labels: { app: 'web', team: 'a' } }),
      modified: manifest(),
      current: live(manifest({ labels: { app: 'web', team: 'a' } })),
      patch: { metadata: { labels: { team: null } } },
    },
    {
      name: 'restores replicas changed on the live object',
      original: manifest(),
      modified: manifest(),
      current: { ...live(), spec: { ...live().spec, replicas: 5 } },
      patch: { spec: { replicas: 3 } },
    },
    {
      name: 'removes a container dropped from the manifest with a delete directive',
      original: manifest({
        containers: [
          { name: 'nginx', image: 'nginx' },
          { name: 'log', image: 'busybox' },
        ],
      }),
      modified: manifest({ containers: [{ name: 'nginx', image: 'nginx' }] }),
      current: manifest({
        containers: [
          { name: 'nginx', image: 'nginx' },
          { name: 'log', image: 'busybox' },
        ],
      }),
      patch: {
        spec: {
          template: {
            spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ $patch: 'delete', name: 'log' }] },
          },
        },
      },
    },
    {
      name: 'switches the strategy with $retainKeys so rollingUpdate goes away',
      original: manifest(),
      modified: manifest({ strategy: { type: 'Recreate' } }),
      current: live(),
      patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
    },
  ];
  it.each(cases)('$name', ({ original, modified, current, patch }) => {
    const expected = JSON.parse(JSON.stringify(patch)) as unknown;
    expect(createThreeWayMergePatch(original, modified, current, schema)).toEqual(expected);
  });

  it('produces a patch that turns the live object into the manifest plus server fields', () => {
    const current = live(
      manifest({
        containers: [
          { name: 'a', image: 'x' },
          { name: 'b', image: 'y' },
        ],
      }),
    );
    const original = manifest({
      containers: [
        { name: 'a', image: 'x' },
        { name: 'b', image: 'y' },
      ],
    });
    const modified = manifest({
      containers: [
        { name: 'b', image: 'y2' },
        { name: 'c', image: 'z' },
      ],
      strategy: { type: 'Recreate' },
    });
    const patched = strategicMergePatch(current, createThreeWayMergePatch(original, modified, current, schema), schema) as ReturnType<typeof live>;
    expect(patched.spec.template.spec.containers).toEqual([
      { name: 'b', image: 'y2' },
      { name: 'c', image: 'z' },
    ]);
    expect(patched.spec.strategy).toEqual({ type: 'Recreate' });
    expect(patched['status']).toEqual({ replicas: 3 });
  });
});

// Causes recorded from the real kubectl v1.35.2 applying the changed manifest over `live()`.
describe('createThreeWayMergePatch refuses lists whose items differ in type', () => {
  const withPorts = (ports: unknown[]) => manifest({ containers: [{ name: 'a', image: 'nginx', ports }] });
  const current = live(withPorts([{ containerPort: 80, protocol: 'TCP' }]));
  it.each([
    {
      name: 'a number among container ports',
      modified: withPorts([80]),
      cause: 'list element types are not identical: [[map[containerPort:80 protocol:TCP]] [80]]',
    },
    {
      name: 'a null container before a map',
      modified: manifest({ containers: [null, { name: 'a', image: 'nginx', ports: [{ containerPort: 80 }] }] }),
      cause:
        'list element types are not identical: [[map[image:nginx imagePullPolicy:IfNotPresent name:a ports:[map[containerPort:80 protocol:TCP]]]] [<nil> map[image:nginx name:a ports:[map[containerPort:80]]]]]',
    },
  ])('$name', ({ modified, cause }) => {
    expect(() => createThreeWayMergePatch(withPorts([{ containerPort: 80 }]), modified, current, schema, 'Deployment')).toThrow(cause);
  });
});

describe('createTwoWayMergePatch', () => {
  it('records changes, additions and deletions', () => {
    const before = { metadata: { labels: { a: '1', b: '2' } }, spec: { replicas: 1 } };
    const after = { metadata: { labels: { a: '1', c: '3' } }, spec: { replicas: 2 } };
    expect(createTwoWayMergePatch(before, after, schema)).toEqual({ metadata: { labels: { b: null, c: '3' } }, spec: { replicas: 2 } });
  });
});
