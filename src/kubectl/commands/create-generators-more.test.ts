import { beforeAll, describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

type Session = Awaited<ReturnType<typeof newSession>>;
const lines = (...text: string[]) => `${text.join('\n')}\n`;

// Expected outputs are kubectl v1.35.2's; case names from pkg/cmd/create create_quota_test.go,
// create_service_test.go, create_secret_docker_test.go and create_secret_tls_test.go.
describe('create quota, priorityclass, service and typed secrets', () => {
  let session: Session;
  beforeAll(async () => {
    session = await newSession();
    for (const [file, type] of [
      ['c.pem', 'CERTIFICATE'],
      ['k.pem', 'RSA PRIVATE KEY'],
    ]) {
      await runLine(session, `echo '-----BEGIN ${type}-----' > ${file} && echo MIIB >> ${file} && echo '-----END ${type}-----' >> ${file}`);
    }
  });

  const cases: { name: string; line: string; stdout?: string; stderr?: string }[] = [
    {
      name: 'single resource',
      line: 'kubectl create quota q --hard=cpu=1000m,pods=2 --dry-run=client -o yaml',
      stdout: lines('apiVersion: v1', 'kind: ResourceQuota', 'metadata:', '  name: q', 'spec:', '  hard:', '    cpu: "1"', '    pods: "2"', 'status: {}'),
    },
    {
      name: 'single resource with multiple scopes',
      line: 'kubectl create quota q --hard=pods=2 --scopes=BestEffort,NotTerminating --dry-run=client -o yaml',
      stdout: lines(
        'apiVersion: v1',
        'kind: ResourceQuota',
        'metadata:',
        '  name: q',
        'spec:',
        '  hard:',
        '    pods: "2"',
        '  scopes:',
        '  - BestEffort',
        '  - NotTerminating',
        'status: {}',
      ),
    },
    { name: 'invalid resource statement', line: 'kubectl create quota q --hard=cpu', stderr: 'error: Invalid argument syntax cpu, expected <resource>=<value>\n' },
    {
      name: 'priority class with global default',
      line: 'kubectl create pc p --value=10 --global-default --description=d --dry-run=client -o yaml',
      stdout: lines(
        'apiVersion: scheduling.k8s.io/v1',
        'description: d',
        'globalDefault: true',
        'kind: PriorityClass',
        'metadata:',
        '  name: p',
        'preemptionPolicy: PreemptLowerPriority',
        'value: 10',
      ),
    },
    {
      name: 'clusterip-none-and-port-mapping',
      line: 'kubectl create service clusterip x --clusterip=None --tcp=80 --dry-run=client -o yaml',
      stdout: lines(
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  labels:',
        '    app: x',
        '  name: x',
        'spec:',
        '  clusterIP: None',
        '  ports:',
        '  - name: "80"',
        '    port: 80',
        '    protocol: TCP',
        '    targetPort: 80',
        '  selector:',
        '    app: x',
        '  type: ClusterIP',
        'status:',
        '  loadBalancer: {}',
      ),
    },
    { name: 'clusterip-missing', line: 'kubectl create service clusterip x', stderr: 'error: at least one tcp port specifier must be provided\n' },
    { name: 'invalid-port', line: 'kubectl create service clusterip x --tcp=abc', stderr: 'error: strconv.ParseUint: parsing "abc": invalid syntax\n' },
    { name: 'invalid-port-mapping', line: 'kubectl create service clusterip x --tcp=80:0', stderr: 'error: must be between 1 and 65535, inclusive\n' },
    { name: 'invalid-ExternalName', line: 'kubectl create service externalname x --external-name=Bad_Name', stderr: 'error: invalid service external name Bad_Name\n' },
    {
      name: 'create_secret_docker_registry_with_email',
      line: "kubectl create secret docker-registry reg --docker-server=r.io --docker-username=u --docker-password='p<&>' --docker-email=e@x --dry-run=client -o yaml",
      stdout: lines(
        'apiVersion: v1',
        'data:',
        '  .dockerconfigjson: eyJhdXRocyI6eyJyLmlvIjp7InVzZXJuYW1lIjoidSIsInBhc3N3b3JkIjoicFx1MDAzY1x1MDAyNlx1MDAzZSIsImVtYWlsIjoiZUB4IiwiYXV0aCI6ImRUcHdQQ1krIn19fQ==',
        'kind: Secret',
        'metadata:',
        '  name: reg',
        'type: kubernetes.io/dockerconfigjson',
      ),
    },
    {
      name: 'create_invalid_secret_docker_registry_without_password',
      line: 'kubectl create secret docker-registry reg --docker-username=u',
      stderr: 'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n',
    },
    {
      name: 'create_invalid_filepath_and_certpath_secret_tls',
      line: 'kubectl create secret tls t --cert=nofile --key=k.pem',
      stderr: 'error: Cannot read file nofile, open nofile: no such file or directory\n',
    },
    {
      name: 'create_secret_invalid_tls',
      line: 'kubectl create secret tls t --cert=k.pem --key=k.pem',
      stderr: 'error: tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched\n',
    },
    {
      name: 'key given as certificate',
      line: 'kubectl create secret tls t --cert=c.pem --key=c.pem',
      stderr: 'error: tls: found a certificate rather than a key in the PEM for the private key\n',
    },
  ];
  it.each(cases)('$name', async ({ line, stdout = '', stderr = '' }) => {
    expect(await runLine(session, line)).toEqual({ stdout, stderr, code: stderr ? 1 : 0 });
  });
});
