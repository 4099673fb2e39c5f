import { describe, expect, it } from 'vitest';
import { DEFINITIONS } from '../../engine/api/openapi/openapi-data.ts';
import { buildStructFields } from './build-struct-fields.ts';
import { patchSchemaFor } from './patch-schema.ts';
import { structOfKind, UnknownFieldError } from './struct-fields.ts';
import { createThreeWayMergePatch } from './three-way-merge-patch.ts';

describe('struct-fields.json', () => {
  it('is what buildStructFields derives from the OpenAPI data', async () => {
    await expect(`${JSON.stringify(buildStructFields(DEFINITIONS))}\n`).toMatchFileSnapshot('./struct-fields.json');
  });
});

const deployment = (container: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx', ...container }] } } },
});
const configMap = (fields: Record<string, unknown>, meta: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', ...meta }, ...fields });

// Second `kubectl apply --validate=false` of a manifest with a field its type lacks: the server
// dropped it, the last-applied annotation (original) kept it. Messages from kubectl v1.35.2.
describe('createThreeWayMergePatch on a field the struct lacks', () => {
  it.each([
    {
      name: 'a changed map in a container',
      original: deployment({ bogus: { a: 1 } }),
      modified: deployment({ bogus: { a: 2 } }),
      error: [
        'unable to find api field "bogus"',
        'unable to find api field "bogus" in io.k8s.api.core.v1.Container',
        'unable to find api field in struct Container for the json field "bogus"',
      ],
    },
    {
      name: 'a changed list in ObjectMeta',
      original: configMap({}, { bogus: [1] }),
      modified: configMap({}, { bogus: [2] }),
      error: [
        'unable to find api field "bogus"',
        'unable to find api field "bogus" in io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
        'unable to find api field in struct ObjectMeta for the json field "bogus"',
      ],
    },
    {
      name: 'a changed map at the top of a kind',
      original: configMap({ extra: { a: 1 } }),
      modified: configMap({ extra: { a: 2 } }),
      error: [
        'unable to find api field "extra"',
        'unable to find api field "extra" in io.k8s.api.core.v1.ConfigMap',
        'unable to find api field in struct ConfigMap for the json field "extra"',
      ],
    },
  ])('fails on $name', ({ original, modified, error }) => {
    const { apiVersion, kind } = modified;
    const run = () => createThreeWayMergePatch(original, modified, { ...modified }, patchSchemaFor(apiVersion, kind), structOfKind(apiVersion, kind));
    expect(run).toThrow(UnknownFieldError);
    try {
      run();
    } catch (e) {
      const unknown = e as UnknownFieldError;
      expect([unknown.openApiV3Message, unknown.openApiMessage, unknown.message]).toEqual(error);
    }
  });

  // kubectl v1.35.2 answers `configured` to each (the server drops the field).
  it.each([
    { name: 'an unchanged map', original: deployment({ bogus: { a: 1 } }), modified: deployment({ bogus: { a: 1 } }) },
    { name: 'a changed scalar, never looked up', original: deployment({ bogus: 1 }), modified: deployment({ bogus: 2 }) },
    { name: 'a map only the manifest has', original: deployment({}), modified: deployment({ bogus: { a: 1 } }) },
  ])('patches $name', ({ original, modified }) => {
    const run = () => createThreeWayMergePatch(original, modified, deployment({}), patchSchemaFor('apps/v1', 'Deployment'), structOfKind('apps/v1', 'Deployment'));
    expect(run).not.toThrow();
  });

  it('leaves custom kinds untyped', () => {
    expect(structOfKind('example.com/v1', 'Widget')).toBeUndefined();
    const widget = (spec: unknown) => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec });
    expect(createThreeWayMergePatch(widget({ x: { a: 1 } }), widget({ x: { a: 2 } }), widget({ x: { a: 1 } }), {}, undefined)).toEqual({ spec: { x: { a: 2 } } });
  });
});
