import { describe, expect, it } from 'vitest';
import { allResourceDefinitions } from '../resources/index.ts';
import { openApiV3Document, openApiV3Root } from './index.ts';

const resources = allResourceDefinitions().map((d) => d.info);
type Doc = { paths: Record<string, Record<string, Record<string, unknown>>>; components: { schemas: Record<string, Record<string, unknown>> } };

function property(doc: Doc, definition: string, name: string): unknown {
  return (doc.components.schemas[definition]?.['properties'] as Record<string, unknown>)[name];
}

describe('openApiV3Root', () => {
  it('lists every served group-version with a content hash', () => {
    const root = openApiV3Root(resources);
    expect(Object.keys(root.paths)).toEqual([
      'api/v1',
      'apis/apps/v1',
      'apis/batch/v1',
      'apis/policy/v1',
      'apis/storage.k8s.io/v1',
      'apis/apiextensions.k8s.io/v1',
      'apis/scheduling.k8s.io/v1',
      'apis/coordination.k8s.io/v1',
      'apis/discovery.k8s.io/v1',
    ]);
    for (const [gv, { serverRelativeURL }] of Object.entries(root.paths)) {
      expect(serverRelativeURL).toMatch(new RegExp(`^/openapi/v3/${gv}\\?hash=[0-9A-F]{32}$`));
    }
  });

  it('changes a group-version hash only when its document changes', () => {
    const before = openApiV3Root(resources).paths;
    const after = openApiV3Root(resources.filter((r) => r.name !== 'replicasets')).paths;
    expect(after['api/v1']).toEqual(before['api/v1']);
    expect(after['apis/apps/v1']).not.toEqual(before['apis/apps/v1']);
  });
});

describe('openApiV3Document', () => {
  const unknown = [
    { name: 'a group not served', gv: 'apis/rbac.authorization.k8s.io/v1' },
    { name: 'a version not served', gv: 'api/v2' },
    { name: 'the group without its version', gv: 'apis/apps' },
    { name: 'an empty path', gv: '' },
  ];
  it.each(unknown)('is undefined for $name', ({ gv }) => {
    expect(openApiV3Document(gv, resources)).toBeUndefined();
  });

  const core = openApiV3Document('api/v1', resources) as Doc;
  const apps = openApiV3Document('apis/apps/v1', resources) as Doc;

  it('tags the kinds of its group-version with their group-version-kind', () => {
    expect(core.components.schemas['io.k8s.api.core.v1.Pod']?.['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind: 'Pod', version: 'v1' }]);
    expect(apps.components.schemas['io.k8s.api.apps.v1.Deployment']?.['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
    expect(apps.components.schemas['io.k8s.api.core.v1.Service']).toBeUndefined();
  });

  it('offers fieldValidation on PATCH, which makes kubectl validate on the server', () => {
    const patch = core.paths['/api/v1/namespaces/{namespace}/pods/{name}']?.['patch'];
    expect(patch?.['x-kubernetes-group-version-kind']).toEqual({ group: '', version: 'v1', kind: 'Pod' });
    expect((patch?.['parameters'] as { name: string; in: string }[]).map((p) => `${p.in}:${p.name}`)).toEqual([
      'query:dryRun',
      'query:fieldManager',
      'query:fieldValidation',
      'query:force',
    ]);
  });

  const schemaCases = [
    {
      name: 'an enum carries its values and their descriptions',
      definition: 'io.k8s.api.core.v1.Container',
      property: 'terminationMessagePolicy',
      want: {
        description:
          'Indicate how the termination message should be populated. File will use the contents of terminationMessagePath to populate the container status message on both success and failure. FallbackToLogsOnError will use the last chunk of container log output if the termination message file is empty and the container exited with an error. The log output is limited to 2048 bytes or 80 lines, whichever is smaller. Defaults to File. Cannot be updated.\n\nPossible enum values:\n - `"FallbackToLogsOnError"` will read the most recent contents of the container logs for the container status message when the container exits with an error and the terminationMessagePath has no contents.\n - `"File"` is the default behavior and will set the container status message to the contents of the container\'s terminationMessagePath when the container exits.',
        type: 'string',
        enum: ['FallbackToLogsOnError', 'File'],
      },
    },
    {
      name: 'a list of structs defaults its items and keeps its merge key',
      definition: 'io.k8s.api.core.v1.Container',
      property: 'env',
      want: {
        description: 'List of environment variables to set in the container. Cannot be updated.',
        items: { default: {}, allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.EnvVar' }] },
        type: 'array',
        'x-kubernetes-list-map-keys': ['name'],
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-patch-merge-key': 'name',
        'x-kubernetes-patch-strategy': 'merge',
      },
    },
    {
      name: 'a required string defaults to empty',
      definition: 'io.k8s.api.core.v1.Container',
      property: 'name',
      want: {
        description: 'Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.',
        type: 'string',
        default: '',
      },
    },
    {
      name: 'a defaulted enum field carries both',
      definition: 'io.k8s.api.core.v1.ContainerPort',
      property: 'protocol',
      want: {
        description:
          'Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".\n\nPossible enum values:\n - `"SCTP"` is the SCTP protocol.\n - `"TCP"` is the TCP protocol.\n - `"UDP"` is the UDP protocol.',
        type: 'string',
        default: 'TCP',
        enum: ['SCTP', 'TCP', 'UDP'],
      },
    },
    {
      name: 'an optional struct keeps its description beside the reference',
      definition: 'io.k8s.api.core.v1.PodSpec',
      property: 'dnsConfig',
      want: {
        description: 'Specifies the DNS parameters of a pod. Parameters specified here will be merged to the generated DNS configuration based on DNSPolicy.',
        allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.PodDNSConfig' }],
      },
    },
  ];
  it.each(schemaCases)('$name', ({ definition, property: name, want }) => {
    expect(property(core, definition, name)).toEqual(want);
  });

  it('types IntOrString as an integer or a string', () => {
    const { description: _description, ...schema } = apps.components.schemas['io.k8s.apimachinery.pkg.util.intstr.IntOrString'] ?? {};
    expect(schema).toEqual({ format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] });
  });
});
