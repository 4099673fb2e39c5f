import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../client.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { applyPatch } from './apply-patch.ts';

const deploymentDefinition = { info: { group: 'apps', version: 'v1', kind: 'Deployment' } } as unknown as ResourceDefinition;
const current: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas: 1,
    template: {
      spec: {
        containers: [
          { name: 'a', image: 'x' },
          { name: 'b', image: 'y' },
        ],
      },
    },
  },
};

describe('applyPatch', () => {
  it('applies a strategic merge patch with the kind merge keys', () => {
    const result = applyPatch(
      current,
      { spec: { template: { spec: { containers: [{ name: 'b', image: 'z' }] } } } },
      'application/strategic-merge-patch+json',
      deploymentDefinition,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        ...current,
        spec: {
          replicas: 1,
          template: {
            spec: {
              containers: [
                { name: 'a', image: 'x' },
                { name: 'b', image: 'z' },
              ],
            },
          },
        },
      },
    });
  });

  it('replaces lists with a merge patch', () => {
    const result = applyPatch(current, { spec: { template: { spec: { containers: [{ name: 'b', image: 'z' }] } } } }, 'application/merge-patch+json', deploymentDefinition);
    expect(result).toEqual({ ok: true, value: { ...current, spec: { replicas: 1, template: { spec: { containers: [{ name: 'b', image: 'z' }] } } } } });
  });

  it('applies a JSON patch', () => {
    const result = applyPatch(current, [{ op: 'replace', path: '/spec/replicas', value: 4 }], 'application/json-patch+json', deploymentDefinition);
    expect(result).toMatchObject({ ok: true, value: { spec: { replicas: 4 } } });
  });

  it('answers a failing JSON patch with the generic 422', () => {
    expect(applyPatch(current, [{ op: 'remove', path: '/spec/paused' }], 'application/json-patch+json', deploymentDefinition)).toEqual({
      ok: false,
      status: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server rejected our request due to an error in our request',
        reason: 'Invalid',
        details: {},
        code: 422,
      },
    });
  });

  it('answers a JSON patch that is not a list with 400', () => {
    expect(applyPatch(current, { op: 'add' }, 'application/json-patch+json', deploymentDefinition)).toMatchObject({
      ok: false,
      status: { code: 400, reason: 'BadRequest', message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' },
    });
  });

  it('answers a list item without merge key with the unwrapped 500', () => {
    const result = applyPatch(current, { spec: { template: { spec: { containers: [{ image: 'q' }] } } } }, 'application/strategic-merge-patch+json', deploymentDefinition);
    expect(result).toMatchObject({ ok: false, status: { code: 500, reason: '', message: 'map: map[image:q] does not contain declared merge key: name' } });
  });

  it('answers server-side apply with 415, as a server without it does', () => {
    expect(applyPatch(current, { spec: { replicas: 2 } }, 'application/apply-patch+yaml', deploymentDefinition)).toEqual({
      ok: false,
      status: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json',
        reason: 'UnsupportedMediaType',
        code: 415,
      },
    });
  });
});
