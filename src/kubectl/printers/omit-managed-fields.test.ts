import { describe, expect, it } from 'vitest';
import { omitManagedFields } from './omit-managed-fields.ts';
import { toYaml } from './yaml-printer.ts';

const managed = [{ manager: 'kubectl', operation: 'Apply', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { '.': {}, 'f:a': {} } } }];
const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', managedFields: managed }, data: { a: 'b' } };

describe('omitManagedFields', () => {
  it.each([
    { name: 'one object', doc: cm, want: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } } },
    {
      name: 'every item of a list',
      doc: { apiVersion: 'v1', kind: 'List', items: [cm, cm] },
      want: { apiVersion: 'v1', kind: 'List', items: [0, 1].map(() => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } })) },
    },
  ])('drops managedFields from $name, leaving the input as it was', ({ doc, want }) => {
    expect(omitManagedFields(doc)).toEqual(want);
    expect(cm.metadata.managedFields).toBe(managed);
  });
});

describe('FieldsV1 in -o yaml --show-managed-fields', () => {
  it('writes the `.` key plain, as go-yaml does', () => {
    expect(toYaml(cm.metadata)).toBe(`managedFields:
- fieldsType: FieldsV1
  fieldsV1:
    f:data:
      .: {}
      f:a: {}
  manager: kubectl
  operation: Apply
name: c
`);
  });
});
