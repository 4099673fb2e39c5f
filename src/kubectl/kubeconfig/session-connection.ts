/**
 * How kubectl in a session reaches the cluster: the kubeconfig on the session's filesystem picks
 * the context, namespace and server on every command; a server other than the simulated one
 * answers every request as an unreachable address would.
 */
import type { ApiClient, ApiConnectionError } from '../../engine/api/client.ts';
import type { CommandContext } from '../../shell/command.ts';
import { KubectlError } from '../errors.ts';
import { stringFlag, type ParsedFlags } from '../flags.ts';
import { resolveClientConfig } from './client-config.ts';
import { loadKubeconfigFiles } from './kubeconfig-files.ts';
import { reachServer, type SessionServer } from './session-server.ts';

export interface SessionConnection {
  api: ApiClient;
  namespace: string;
  server: string;
}

class UnreachableServerError extends Error implements ApiConnectionError {
  override readonly name = 'ApiConnectionError';
}

/** Throws KubectlError for a kubeconfig kubectl cannot use, with kubectl's wording. */
export async function sessionConnection(api: ApiClient, server: SessionServer, flags: ParsedFlags, ctx: CommandContext): Promise<SessionConnection> {
  const flag = (name: string) => stringFlag(flags, name);
  const kubeconfig = flag('kubeconfig');
  const files = loadKubeconfigFiles({ fs: ctx.fs, cwd: ctx.cwd, env: ctx.env, ...(kubeconfig !== undefined ? { kubeconfig } : {}) });
  if (files.explicit && !files.files[0]!.exists) throw new KubectlError(`error: stat ${kubeconfig}: no such file or directory`);
  const overrides = { context: flag('context'), cluster: flag('cluster'), user: flag('user'), server: flag('server'), namespace: flag('namespace') };
  const config = resolveClientConfig(files.merged, Object.fromEntries(Object.entries(overrides).filter((e) => e[1] !== undefined)));
  const reach = reachServer(config.server, server);
  if (reach.ok) return { api, namespace: config.namespace, server: config.server };
  return { api: unreachable(reach.message, reach.goError, reach.delayMs ?? 0, ctx), namespace: config.namespace, server: config.server };
}

/** An ApiClient for an address where nothing answers: every call fails after the dialer's wait. */
function unreachable(message: string, goError: string | undefined, delayMs: number, ctx: CommandContext): ApiClient {
  const fail = async (): Promise<never> => {
    if (delayMs > 0) await ctx.time.sleep(delayMs, ctx.interrupt);
    throw new UnreachableServerError(message, goError !== undefined ? { cause: goError } : {});
  };
  return {
    request: fail,
    discover: fail,
    serverVersion: fail,
    raw: fail,
    watch(_req, onEvent) {
      onEvent({ type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'InternalError', code: 500 } });
      return { stop: () => undefined };
    },
  };
}
