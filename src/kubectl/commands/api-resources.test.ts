import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

// Expected outputs are the real kubectl v1.35.2's against the same served cluster (parity group errors.sh).
const VERBS = 'create,delete,deletecollection,get,list,patch,update,watch';

describe('kubectl api-resources', () => {
  it.each([
    {
      name: 'cluster-scoped only',
      line: 'kubectl api-resources --namespaced=false',
      stdout: [
        'NAME                        SHORTNAMES   APIVERSION                NAMESPACED   KIND',
        'namespaces                  ns           v1                        false        Namespace',
        'nodes                       no           v1                        false        Node',
        'persistentvolumes           pv           v1                        false        PersistentVolume',
        'customresourcedefinitions   crd,crds     apiextensions.k8s.io/v1   false        CustomResourceDefinition',
        'priorityclasses             pc           scheduling.k8s.io/v1      false        PriorityClass',
        'storageclasses              sc           storage.k8s.io/v1         false        StorageClass',
        '',
      ].join('\n'),
    },
    {
      name: 'names, qualified by group',
      line: 'kubectl api-resources -o name',
      stdout: [
        'configmaps',
        'endpoints',
        'events',
        'limitranges',
        'namespaces',
        'nodes',
        'persistentvolumeclaims',
        'persistentvolumes',
        'pods',
        'resourcequotas',
        'secrets',
        'serviceaccounts',
        'services',
        'customresourcedefinitions.apiextensions.k8s.io',
        'controllerrevisions.apps',
        'daemonsets.apps',
        'deployments.apps',
        'replicasets.apps',
        'statefulsets.apps',
        'cronjobs.batch',
        'jobs.batch',
        'leases.coordination.k8s.io',
        'endpointslices.discovery.k8s.io',
        'poddisruptionbudgets.policy',
        'priorityclasses.scheduling.k8s.io',
        'storageclasses.storage.k8s.io',
        '',
      ].join('\n'),
    },
  ])('lists $name', async ({ line, stdout }) => {
    const session = await newSession();
    expect(await runLine(session, line)).toEqual({ stdout, stderr: '', code: 0 });
  });

  it('adds sorted verbs and categories with -o wide, keeping the padding before an empty last cell', async () => {
    const session = await newSession();
    const lines = (await runLine(session, 'kubectl api-resources -o wide')).stdout.split('\n');
    expect(lines[0]).toBe(
      'NAME                        SHORTNAMES   APIVERSION                NAMESPACED   KIND                       VERBS                                                        CATEGORIES',
    );
    expect(lines[1]).toBe(`configmaps                  cm           v1                        true         ConfigMap                  ${VERBS}   `);
    expect(lines[9]).toBe(`pods                        po           v1                        true         Pod                        ${VERBS}   all`);
    expect(lines[14]).toBe(`customresourcedefinitions   crd,crds     apiextensions.k8s.io/v1   false        CustomResourceDefinition   ${VERBS}   api-extensions`);
    expect(lines[19]).toBe(`statefulsets                sts          apps/v1                   true         StatefulSet                ${VERBS}   all`);
    expect(lines[20]).toBe(`cronjobs                    cj           batch/v1                  true         CronJob                    ${VERBS}   all`);
  });
});

describe('kubectl api-resources filters and errors', () => {
  it.each([
    {
      name: 'keeps the resources having every verb, sorted by kind',
      line: 'kubectl api-resources --verbs=list,watch --namespaced=false --sort-by=kind',
      stdout: [
        'NAME                        SHORTNAMES   APIVERSION                NAMESPACED   KIND',
        'customresourcedefinitions   crd,crds     apiextensions.k8s.io/v1   false        CustomResourceDefinition',
        'namespaces                  ns           v1                        false        Namespace',
        'nodes                       no           v1                        false        Node',
        'persistentvolumes           pv           v1                        false        PersistentVolume',
        'priorityclasses             pc           scheduling.k8s.io/v1      false        PriorityClass',
        'storageclasses              sc           storage.k8s.io/v1         false        StorageClass',
        '',
      ].join('\n'),
      stderr: '',
      code: 0,
    },
    {
      name: 'lays rows out without the header',
      line: 'kubectl api-resources --no-headers --api-group=batch --cached',
      stdout: 'cronjobs   cj    batch/v1   true   CronJob\njobs             batch/v1   true   Job\n',
      stderr: '',
      code: 0,
    },
    { name: 'refuses an unknown sort key', line: 'kubectl api-resources --sort-by=age', stdout: '', stderr: 'error: --sort-by accepts only name or kind\n', code: 1 },
    {
      name: 'refuses a bool it cannot parse',
      line: 'kubectl api-resources --namespaced=maybe',
      stdout: '',
      stderr: [
        'error: invalid argument "maybe" for "--namespaced" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
        "See 'kubectl api-resources --help' for usage.",
        '',
      ].join('\n'),
      code: 1,
    },
    {
      name: 'refuses arguments',
      line: 'kubectl api-resources pods',
      stdout: '',
      stderr: "error: unexpected arguments: [pods]\nSee 'kubectl api-resources -h' for help and examples\n",
      code: 1,
    },
  ])('$name', async ({ line, stdout, stderr, code }) => {
    const session = await newSession();
    expect(await runLine(session, line)).toEqual({ stdout, stderr, code });
  });

  it('prints an APIResourceList with -o yaml', async () => {
    const session = await newSession();
    const { stdout } = await runLine(session, 'kubectl api-resources -o yaml --api-group=policy');
    expect(stdout).toBe(
      [
        'apiVersion: v1',
        'groupVersion: ""',
        'kind: APIResourceList',
        'resources:',
        '- group: policy',
        '  kind: PodDisruptionBudget',
        '  name: poddisruptionbudgets',
        '  namespaced: true',
        '  shortNames:',
        '  - pdb',
        '  singularName: poddisruptionbudget',
        '  verbs:',
        ...['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'].map((v) => `  - ${v}`),
        '  version: v1',
        '',
      ].join('\n'),
    );
  });
});
