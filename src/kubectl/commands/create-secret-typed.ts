/**
 * `kubectl create secret tls` and `create secret docker-registry` (pkg/cmd/create
 * create_secret_tls.go, create_secret_docker.go).
 */
import type { KubeObject } from '../../engine/api/client.ts';
import { encodeBase64 } from '../../lib/base64.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { KubectlError } from '../errors.ts';
import { stringFlag, stringsFlag } from '../flags.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { APPEND_HASH_FLAG, hashedIfAsked, OUTPUT_FLAGS, requireName, submit } from './generator-commands.ts';
import { keyPairError } from './x509-key-pair.ts';

const PEM_BLOCK = /-----BEGIN ([^-\n]*)-----\r?\n([\s\S]*?)-----END \1-----/g;

/** The types of the PEM blocks in `text`, in order (pem.Decode's view of it). */
function pemBlockTypes(text: string): string[] {
  return [...text.matchAll(PEM_BLOCK)].map((m) => m[1]!);
}

/**
 * Models the PEM checks of crypto/tls X509KeyPair: a CERTIFICATE block in the certificate input,
 * a `PRIVATE KEY` block in the key input. The DER inside is not parsed: a well-formed PEM pair whose
 * key does not match its certificate is accepted here (issue 13).
 */
export function x509KeyPairError(cert: string, key: string): string | undefined {
  const certTypes = pemBlockTypes(cert);
  if (!certTypes.includes('CERTIFICATE')) {
    if (certTypes.length === 0) return 'tls: failed to find any PEM data in certificate input';
    if (certTypes.length === 1 && certTypes[0]!.endsWith('PRIVATE KEY'))
      return 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched';
    return `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${certTypes.join(' ')}]`;
  }
  const keyTypes = pemBlockTypes(key);
  const at = keyTypes.findIndex((t) => t === 'PRIVATE KEY' || t.endsWith(' PRIVATE KEY'));
  if (at < 0) {
    if (keyTypes.length === 0) return 'tls: failed to find any PEM data in key input';
    if (keyTypes.length === 1 && keyTypes[0] === 'CERTIFICATE') return 'tls: found a certificate rather than a key in the PEM for the private key';
    return `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${keyTypes.join(' ')}]`;
  }
  return undefined;
}

function readFile(inv: Invocation, file: string): string {
  const path = resolvePath(inv.ctx.cwd, file);
  if (!inv.ctx.fs.exists(path)) throw new KubectlError(`error: Cannot read file ${file}, open ${file}: no such file or directory`);
  if (inv.ctx.fs.stat(path).kind === 'directory') throw new KubectlError(`error: Cannot read file ${file}, read ${file}: is a directory`);
  return inv.ctx.fs.readFile(path);
}

export const createSecretTlsCommand: KubectlCommand = {
  path: 'create secret tls',
  flags: [...OUTPUT_FLAGS, APPEND_HASH_FLAG, { name: 'cert', kind: 'string' }, { name: 'key', kind: 'string' }],
  async run(inv) {
    const name = requireName(inv, 'create secret tls');
    const certFile = stringFlag(inv.flags, 'cert') ?? '';
    const keyFile = stringFlag(inv.flags, 'key') ?? '';
    if (!certFile || !keyFile) throw new KubectlError('error: key and cert must be specified');
    const cert = readFile(inv, certFile);
    const key = readFile(inv, keyFile);
    const problem = x509KeyPairError(cert, key) ?? keyPairError(cert, key);
    if (problem) throw new KubectlError(`error: ${problem}`);
    const secret: KubeObject = {
      apiVersion: 'v1',
      data: { 'tls.crt': encodeBase64(cert), 'tls.key': encodeBase64(key) },
      kind: 'Secret',
      metadata: { name },
      type: 'kubernetes.io/tls',
    };
    return submit(inv, inv.mapper.resolve('secrets')!, hashedIfAsked(inv, secret), (m) => `error: failed to create secret ${m}`);
  },
};

/** Go's json.Marshal escapes HTML characters in strings. */
const goJson = (value: unknown) => JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Models handleDockerCfgJSONContent: `{"auths":{SERVER:{username,password,email,auth}}}`, empty fields left out. */
export function dockerConfigJson(server: string, username: string, password: string, email: string): string {
  const auth = encodeBase64(`${username}:${password}`);
  const entry = { ...(username ? { username } : {}), ...(password ? { password } : {}), ...(email ? { email } : {}), ...(auth ? { auth } : {}) };
  return goJson({ auths: { [server]: entry } });
}

export const createSecretDockerRegistryCommand: KubectlCommand = {
  path: 'create secret docker-registry',
  flags: [
    ...OUTPUT_FLAGS,
    APPEND_HASH_FLAG,
    { name: 'docker-server', kind: 'string' },
    { name: 'docker-username', kind: 'string' },
    { name: 'docker-password', kind: 'string' },
    { name: 'docker-email', kind: 'string' },
    { name: 'from-file', kind: 'csv' },
  ],
  async run(inv) {
    const name = requireName(inv, 'create secret docker-registry');
    const server = stringFlag(inv.flags, 'docker-server') ?? 'https://index.docker.io/v1/';
    const username = stringFlag(inv.flags, 'docker-username') ?? '';
    const password = stringFlag(inv.flags, 'docker-password') ?? '';
    const email = stringFlag(inv.flags, 'docker-email') ?? '';
    const files = stringsFlag(inv.flags, 'from-file');
    if (files.length === 0 && (!username || !password || !server))
      throw new KubectlError('error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    const data: Record<string, string> = {};
    for (const source of files) {
      const eq = source.indexOf('=');
      const [key, file] = eq > 0 ? [source.slice(0, eq), source.slice(eq + 1)] : [source.slice(source.lastIndexOf('/') + 1), source];
      const path = resolvePath(inv.ctx.cwd, file);
      if (!inv.ctx.fs.exists(path)) throw new KubectlError(`error: error reading ${file}: no such file or directory`);
      data[key] = encodeBase64(inv.ctx.fs.readFile(path));
    }
    if (files.length === 0) data['.dockerconfigjson'] = encodeBase64(dockerConfigJson(server, username, password, email));
    const secret: KubeObject = { apiVersion: 'v1', data, kind: 'Secret', metadata: { name }, type: 'kubernetes.io/dockerconfigjson' };
    return submit(inv, inv.mapper.resolve('secrets')!, hashedIfAsked(inv, secret), (m) => `error: failed to create secret ${m}`);
  },
};
