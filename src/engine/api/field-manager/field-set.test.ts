import { describe, expect, it } from 'vitest';
import { differenceSets, formatPath, fromFieldsV1, intersectSets, memberPaths, recursiveDifferenceSets, toFieldsV1, unionSets } from './field-set.ts';

const deployment = {
  'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
  'f:spec': {
    'f:replicas': {},
    'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } },
  },
};

describe('FieldsV1', () => {
  it('reads and writes the same JSON, `.` marking a member that has children', () => {
    expect(toFieldsV1(fromFieldsV1(deployment))).toEqual(deployment);
  });

  it.each([
    { name: 'a field', path: ['f:spec', 'f:replicas'], want: '.spec.replicas' },
    { name: 'a map-list item', path: ['f:spec', 'f:containers', 'k:{"name":"web"}', 'f:image'], want: '.spec.containers[name="web"].image' },
    { name: 'a two-key item', path: ['f:ports', 'k:{"containerPort":80,"protocol":"TCP"}'], want: '.ports[containerPort=80,protocol="TCP"]' },
    { name: 'a set item', path: ['f:metadata', 'f:finalizers', 'v:"x"'], want: '.metadata.finalizers[="x"]' },
    { name: 'an index', path: ['f:args', 'i:0'], want: '.args[0]' },
  ])('prints $name as fieldpath.Path.String does', ({ path, want }) => {
    expect(formatPath(path)).toBe(want);
  });

  it('lists members as fieldpath.Set.Iterate does: a level first, then deeper levels', () => {
    expect(memberPaths(fromFieldsV1(deployment)).map(formatPath)).toEqual([
      '.metadata.labels',
      '.metadata.labels.app',
      '.spec.replicas',
      '.spec.template.spec.containers[name="web"]',
      '.spec.template.spec.containers[name="web"].image',
      '.spec.template.spec.containers[name="web"].name',
    ]);
  });
});

describe('set operations', () => {
  const a = fromFieldsV1({ 'f:spec': { 'f:replicas': {}, 'f:paused': {} }, 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } });
  const b = fromFieldsV1({ 'f:spec': { 'f:replicas': {} }, 'f:metadata': { 'f:labels': {} } });
  it.each([
    { name: 'union', got: () => unionSets(a, b), want: { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } }, 'f:spec': { 'f:paused': {}, 'f:replicas': {} } } },
    {
      name: 'difference keeps what lies below a removed member',
      got: () => differenceSets(a, b),
      want: { 'f:metadata': { 'f:labels': { 'f:app': {} } }, 'f:spec': { 'f:paused': {} } },
    },
    { name: 'recursive difference removes it too', got: () => recursiveDifferenceSets(a, b), want: { 'f:spec': { 'f:paused': {} } } },
    { name: 'intersection', got: () => intersectSets(a, b), want: { 'f:metadata': { 'f:labels': {} }, 'f:spec': { 'f:replicas': {} } } },
  ])('$name', ({ got, want }) => {
    expect(toFieldsV1(got())).toEqual(want);
  });
});
