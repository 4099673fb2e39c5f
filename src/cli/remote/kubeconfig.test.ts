import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KubeconfigError, loadRestConfig, type KubeconfigOptions } from './kubeconfig.ts';

const dir = mkdtempSync(join(tmpdir(), 'kubeconfig-test-'));
afterAll(() => rmSync(dir, { recursive: true }));

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const b64 = (text: string) => Buffer.from(text).toString('base64');

const lab = file(
  'lab.yaml',
  `apiVersion: v1
kind: Config
clusters:
- name: lab
  cluster:
    server: https://127.0.0.1:6443/
    certificate-authority-data: ${b64('CA PEM')}
- name: plain
  cluster:
    server: http://127.0.0.1:8001
    insecure-skip-tls-verify: true
users:
- name: admin
  user:
    client-certificate-data: ${b64('CERT PEM')}
    client-key-data: ${b64('KEY PEM')}
- name: reader
  user:
    tokenFile: token.txt
contexts:
- name: admin@lab
  context: { cluster: lab, user: admin, namespace: team }
- name: reader@plain
  context: { cluster: plain, user: reader }
current-context: admin@lab
`,
);
file('token.txt', 'tok-123\n');
const other = file('other.yaml', `apiVersion: v1\nkind: Config\ncurrent-context: reader@plain\nusers:\n- name: admin\n  user: { token: shadowed }\n`);

const cases: { name: string; options: KubeconfigOptions; expected: unknown }[] = [
  {
    name: 'the current context with client certificate data',
    options: { kubeconfig: lab },
    expected: { server: 'https://127.0.0.1:6443', namespace: 'team', tls: { insecureSkipVerify: false, ca: 'CA PEM', cert: 'CERT PEM', key: 'KEY PEM' } },
  },
  {
    name: '--context with a token file beside the kubeconfig',
    options: { kubeconfig: lab, context: 'reader@plain' },
    expected: { server: 'http://127.0.0.1:8001', bearerToken: 'tok-123', tls: { insecureSkipVerify: true } },
  },
  {
    name: '--server overrides the cluster',
    options: { kubeconfig: lab, context: 'reader@plain', server: 'http://10.0.0.1:6443' },
    expected: { server: 'http://10.0.0.1:6443', bearerToken: 'tok-123', tls: { insecureSkipVerify: true } },
  },
  {
    name: 'KUBECONFIG files merge, the first to name something wins',
    options: { env: `${lab}:${join(dir, 'missing.yaml')}:${other}` },
    expected: { server: 'https://127.0.0.1:6443', namespace: 'team', tls: { insecureSkipVerify: false, ca: 'CA PEM', cert: 'CERT PEM', key: 'KEY PEM' } },
  },
  {
    name: '--token and --insecure-skip-tls-verify win over the kubeconfig',
    options: { kubeconfig: lab, token: 'flag-token', insecureSkipTlsVerify: true },
    expected: { server: 'https://127.0.0.1:6443', namespace: 'team', bearerToken: 'flag-token', tls: { insecureSkipVerify: true, cert: 'CERT PEM', key: 'KEY PEM' } },
  },
  {
    name: 'a bare host:port without TLS is http',
    options: { home: join(dir, 'nobody'), server: '127.0.0.1:6443' },
    expected: { server: 'http://127.0.0.1:6443', tls: { insecureSkipVerify: false } },
  },
  { name: 'no kubeconfig at all is localhost:8080', options: { home: join(dir, 'nobody') }, expected: { server: 'http://localhost:8080', tls: { insecureSkipVerify: false } } },
];

const failures: { name: string; options: KubeconfigOptions; message: string }[] = [
  { name: 'a missing --kubeconfig', options: { kubeconfig: join(dir, 'nope.yaml') }, message: `error: stat ${join(dir, 'nope.yaml')}: no such file or directory` },
  { name: 'a server that is no URL', options: { home: join(dir, 'nobody'), server: 'http://[bad' }, message: 'error: host must be a URL or a host:port pair: "http://[bad"' },
  { name: 'an unknown --context', options: { kubeconfig: lab, context: 'nope' }, message: 'Error in configuration: context was not found for specified context: nope' },
];

describe('loadRestConfig', () => {
  it.each(cases)('$name', ({ options, expected }) => {
    expect(loadRestConfig(options)).toEqual(expected);
  });

  it.each(failures)('$name', ({ options, message }) => {
    expect(() => loadRestConfig(options)).toThrow(new KubeconfigError(message));
  });
});
