/** A StatefulSet's containers may mount its volumeClaimTemplates by name (kubectl apply of the usual web example). */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../client.ts';
import { statefulSetDefinition } from './statefulset.ts';
import { fakeServerContext } from './testing/fake-server-context.ts';
import { createErrors } from './testing/validation-text.ts';

function set(mountName: string): KubeObject {
  return {
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      serviceName: 'web',
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx', volumeMounts: [{ name: mountName, mountPath: '/data' }] }] },
      },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  } as KubeObject;
}

describe('StatefulSet volumeClaimTemplates', () => {
  it.each([
    { name: 'mount of a claim template', mount: 'data', errors: [] },
    { name: 'mount of nothing', mount: 'other', errors: ['spec.template.spec.containers[0].volumeMounts[0].name: Not found: "other"'] },
  ])('$name', ({ mount, errors }) => {
    expect(createErrors(statefulSetDefinition, set(mount), fakeServerContext())).toEqual(errors);
  });
});
