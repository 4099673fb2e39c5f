/**
 * Where `cka-lab kubectl` sends its requests: the kubeconfig chosen as kubectl chooses it
 * (`--kubeconfig`, else every file of `KUBECONFIG` merged, else `~/.kube/config`), its current
 * context (or `--context`), that context's cluster and user, and the overrides `--cluster`,
 * `--user`, `--server`. Models client-go tools/clientcmd loader.go and client_config.go.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { decodeKubeconfig, KubeconfigDecodeError, type KubeconfigDocument } from '../../kubectl/kubeconfig/kubeconfig-document.ts';
import { ApiConnectionError } from './connection-error.ts';

/** A resolved connection: what HttpApiClient needs. */
export interface RestConfig {
  /** e.g. `https://127.0.0.1:6443` (no trailing slash). */
  server: string;
  /** The context's namespace, or undefined for `default`. */
  namespace?: string;
  bearerToken?: string;
  basicAuth?: { username: string; password: string };
  tls: {
    /** PEM of the cluster's certificate authority. */
    ca?: string;
    cert?: string;
    key?: string;
    insecureSkipVerify: boolean;
    serverName?: string;
  };
}

export interface KubeconfigOptions {
  kubeconfig?: string;
  context?: string;
  cluster?: string;
  user?: string;
  server?: string;
  /** The command line's credentials and TLS settings, which win over the kubeconfig's. */
  token?: string;
  certificateAuthority?: string;
  clientCertificate?: string;
  clientKey?: string;
  insecureSkipTlsVerify?: boolean;
  tlsServerName?: string;
  /** `KUBECONFIG`. */
  env?: string;
  home?: string;
  /** Where relative kubeconfig paths are found (the process's own folder when absent); messages keep the path as given. */
  cwd?: string;
}

/**
 * A configuration problem, worded as kubectl prints it (the whole stderr line). It is an
 * ApiConnectionError because kubectl meets it at its first request, as it meets an unreachable server.
 */
export class KubeconfigError extends ApiConnectionError {}

interface ClusterEntry {
  server?: string;
  'certificate-authority'?: string;
  'certificate-authority-data'?: string;
  'insecure-skip-tls-verify'?: boolean;
  'tls-server-name'?: string;
}

interface UserEntry {
  token?: string;
  tokenFile?: string;
  'client-certificate'?: string;
  'client-certificate-data'?: string;
  'client-key'?: string;
  'client-key-data'?: string;
  username?: string;
  password?: string;
}

interface ContextEntry {
  cluster?: string;
  user?: string;
  namespace?: string;
}

/** One file's entries, each remembering the folder its relative paths are resolved against. */
interface Loaded {
  currentContext?: string;
  clusters: Map<string, { entry: ClusterEntry; dir: string }>;
  users: Map<string, { entry: UserEntry; dir: string }>;
  contexts: Map<string, ContextEntry>;
}

/** kubectl's server when no configuration names one. */
const DEFAULT_SERVER = 'http://localhost:8080';

export function loadRestConfig(options: KubeconfigOptions): RestConfig {
  const merged: Loaded = { clusters: new Map(), users: new Map(), contexts: new Map() };
  for (const file of kubeconfigFiles(options)) mergeInto(merged, readKubeconfig(file, options.cwd));

  const contextName = options.context || merged.currentContext || '';
  const context = contextName ? merged.contexts.get(contextName) : {};
  if (!context) throw new KubeconfigError(`Error in configuration: context was not found for specified context: ${contextName}`);
  const clusterName = options.cluster || context.cluster || '';
  const userName = options.user || context.user || '';
  const cluster = merged.clusters.get(clusterName);
  if (options.cluster && !cluster) throw new KubeconfigError(`error: no server found for cluster "${clusterName}"`);
  const user = merged.users.get(userName);
  if (options.user && !user) throw new KubeconfigError(`error: auth info "${userName}" does not exist`);

  const c = cluster?.entry ?? {};
  const u = user?.entry ?? {};
  const fromFile = (path: string | undefined, dir: string | undefined) => (path ? readText(isAbsolute(path) ? path : join(dir ?? '.', path)) : undefined);
  const config: RestConfig = { server: '', tls: { insecureSkipVerify: options.insecureSkipTlsVerify ?? c['insecure-skip-tls-verify'] === true } };
  if (context.namespace) config.namespace = context.namespace;
  const ca = options.certificateAuthority
    ? fromFile(options.certificateAuthority, '.')
    : c['certificate-authority-data']
      ? decode(c['certificate-authority-data'])
      : fromFile(c['certificate-authority'], cluster?.dir);
  // Skipping verification and naming a CA contradict each other; the flag that skips wins.
  if (ca && !(options.insecureSkipTlsVerify === true)) config.tls.ca = ca;
  const serverName = options.tlsServerName || c['tls-server-name'];
  if (serverName) config.tls.serverName = serverName;
  const cert = options.clientCertificate
    ? fromFile(options.clientCertificate, '.')
    : u['client-certificate-data']
      ? decode(u['client-certificate-data'])
      : fromFile(u['client-certificate'], user?.dir);
  const key = options.clientKey ? fromFile(options.clientKey, '.') : u['client-key-data'] ? decode(u['client-key-data']) : fromFile(u['client-key'], user?.dir);
  if (cert) config.tls.cert = cert;
  if (key) config.tls.key = key;
  const hasTls = !!(config.tls.ca || config.tls.cert || config.tls.insecureSkipVerify);
  config.server = serverUrl(options.server || c.server || DEFAULT_SERVER, hasTls);
  const token = options.token || u.token || fromFile(u.tokenFile, user?.dir)?.trim();
  if (token) config.bearerToken = token;
  else if (u.username !== undefined && u.password !== undefined) config.basicAuth = { username: u.username, password: u.password };
  return config;
}

/**
 * Models client-go rest/url_utils.go DefaultServerURL: a bare `host:port` gets https when TLS is
 * configured, http otherwise.
 */
function serverUrl(text: string, hasTls: boolean): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `${hasTls ? 'https' : 'http'}://${text}`;
  try {
    const url = new URL(withScheme);
    if (!url.host) throw new TypeError('no host');
  } catch {
    throw new KubeconfigError(`error: host must be a URL or a host:port pair: "${text}"`);
  }
  return withScheme.replace(/\/+$/, '');
}

/** --kubeconfig alone, else each existing file of KUBECONFIG, else ~/.kube/config if it exists. */
function kubeconfigFiles(options: KubeconfigOptions): string[] {
  const at = (path: string) => (options.cwd && !isAbsolute(path) ? join(options.cwd, path) : path);
  if (options.kubeconfig) {
    if (!exists(at(options.kubeconfig))) throw new KubeconfigError(`error: stat ${options.kubeconfig}: no such file or directory`);
    return [options.kubeconfig];
  }
  if (options.env) return options.env.split(':').filter((f) => f !== '' && exists(at(f)));
  const home = options.home ? join(options.home, '.kube', 'config') : undefined;
  return home && exists(home) ? [home] : [];
}

function readKubeconfig(file: string, cwd: string | undefined): Loaded {
  const path = cwd && !isAbsolute(file) ? join(cwd, file) : file;
  let doc: KubeconfigDocument;
  try {
    doc = decodeKubeconfig(readFileSync(path, 'utf8'));
  } catch (error) {
    if (!(error instanceof KubeconfigDecodeError)) throw error;
    throw new KubeconfigError(`error: error loading config file "${file}": ${error.message}`);
  }
  const dir = dirname(path);
  const loaded: Loaded = { clusters: new Map(), users: new Map(), contexts: new Map() };
  if (doc.currentContext !== '') loaded.currentContext = doc.currentContext;
  for (const e of doc.clusters) loaded.clusters.set(e.name, { entry: e.value as ClusterEntry, dir });
  for (const e of doc.users) loaded.users.set(e.name, { entry: e.value as UserEntry, dir });
  for (const e of doc.contexts) loaded.contexts.set(e.name, e.value as ContextEntry);
  return loaded;
}

/** The first file to name a map entry or the current context wins (clientcmd's merge order). */
function mergeInto(into: Loaded, from: Loaded): void {
  if (!into.currentContext && from.currentContext) into.currentContext = from.currentContext;
  for (const [k, v] of from.clusters) if (!into.clusters.has(k)) into.clusters.set(k, v);
  for (const [k, v] of from.users) if (!into.users.has(k)) into.users.set(k, v);
  for (const [k, v] of from.contexts) if (!into.contexts.has(k)) into.contexts.set(k, v);
}

function decode(base64: string): string {
  return Buffer.from(base64, 'base64').toString('utf8');
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new KubeconfigError(`error: unable to read ${path}: open ${path}: no such file or directory`);
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
