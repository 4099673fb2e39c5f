/**
 * The connection a command uses: the context (`--context` or the current one), its cluster and
 * user (or `--cluster`/`--user`), the server (or `--server`) and the default namespace, with the
 * configuration errors kubectl prints before any request.
 * Models client-go tools/clientcmd client_config.go DirectClientConfig (getContext, getCluster,
 * getAuthInfo, ConfirmUsable) and validation.go.
 */
import { KubectlError } from '../errors.ts';
import type { Fields, KubeconfigDocument } from './kubeconfig-document.ts';

export interface ConfigOverrides {
  context?: string;
  cluster?: string;
  user?: string;
  server?: string;
  namespace?: string;
}

export interface ClientConfig {
  contextName: string;
  /** The server URL as written (`https://controlplane:6443`); `http://localhost:8080` when nothing names one. */
  server: string;
  namespace: string;
  clusterName: string;
  userName: string;
  user: Fields;
}

/** kubectl's server when no configuration names one (clientcmd's DefaultCluster). */
export const DEFAULT_SERVER = 'http://localhost:8080';

/** A configuration error kubectl prints without its `error: ` prefix (clientcmd's errConfigurationInvalid). */
export class ConfigurationError extends KubectlError {}

export function resolveClientConfig(config: KubeconfigDocument, overrides: ConfigOverrides): ClientConfig {
  const contextName = overrides.context || config.currentContext;
  const context = contextName ? config.contexts.find((c) => c.name === contextName)?.value : {};
  if (!context) throw new ConfigurationError(`Error in configuration: context was not found for specified context: ${contextName}`);
  const clusterName = overrides.cluster || (context.cluster as string | undefined) || '';
  const userName = overrides.user || (context.user as string | undefined) || '';
  const cluster = config.clusters.find((c) => c.name === clusterName)?.value;
  if (overrides.cluster && !cluster) throw new KubectlError(`error: no server found for cluster "${clusterName}"`);
  const user = config.users.find((u) => u.name === userName)?.value;
  if (overrides.user && !user) throw new KubectlError(`error: auth info "${userName}" does not exist`);
  const server = overrides.server || (cluster?.server as string | undefined) || DEFAULT_SERVER;
  const namespace = overrides.namespace || (context.namespace as string | undefined) || 'default';
  return { contextName, server, namespace, clusterName, userName, user: user ?? {} };
}
