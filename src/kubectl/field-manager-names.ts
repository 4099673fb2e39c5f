/**
 * The field manager each kubectl command writes under. Commands that name none (scale, cordon…)
 * are recorded by the server under the user agent's first word, `kubectl`; in process there is no
 * user agent, so that name is sent explicitly.
 * Names from kubectl v1.35's commands (`fieldManager: "kubectl-label"` and the like).
 */
import type { ApiClient, ApiRequest, RawRequest } from '../engine/api/client.ts';
import type { FlagSpec } from './flags.ts';

const MANAGERS: Record<string, string> = {
  annotate: 'kubectl-annotate',
  apply: 'kubectl-client-side-apply',
  autoscale: 'kubectl-autoscale',
  create: 'kubectl-create',
  edit: 'kubectl-edit',
  expose: 'kubectl-expose',
  label: 'kubectl-label',
  patch: 'kubectl-patch',
  replace: 'kubectl-replace',
  rollout: 'kubectl-rollout',
  run: 'kubectl-run',
  set: 'kubectl-set',
  taint: 'kubectl-taint',
};

export function fieldManagerFor(commandPath: string): string {
  return MANAGERS[commandPath.split(' ')[0]!] ?? 'kubectl';
}

/** `--field-manager`: the name the command's writes are recorded under, instead of its own. */
export const FIELD_MANAGER_FLAG: FlagSpec = { name: 'field-manager', kind: 'string' };

/** Adds the command's field manager (or the one `--field-manager` names) to every write that does not name one. */
export function withFieldManager(api: ApiClient, commandPath: string, chosen?: string): ApiClient {
  const manager = chosen ?? fieldManagerFor(commandPath);
  // exec, attach and portforward are creates too, but they stream rather than write an object.
  const isWrite = (req: ApiRequest) => !req.streams && (req.verb === 'create' || req.verb === 'update' || req.verb === 'patch');
  return {
    request: (req) => api.request(isWrite(req) && !req.query?.fieldManager ? { ...req, query: { ...req.query, fieldManager: manager } } : req),
    watch: (req, onEvent) => api.watch(req, onEvent),
    discover: () => api.discover(),
    ...(api.openApiV3 ? { openApiV3: (path: string) => api.openApiV3!(path) } : {}),
    serverVersion: () => api.serverVersion(),
    ...(api.raw ? { raw: (req: RawRequest) => api.raw!(req) } : {}),
  };
}
