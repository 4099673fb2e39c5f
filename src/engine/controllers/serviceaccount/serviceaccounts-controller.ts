/**
 * The `default` ServiceAccount of every namespace (pkg/controller/serviceaccount
 * serviceaccounts_controller.go syncNamespace), and the TokenRequest the API server answers on
 * serviceaccounts/token (pkg/registry/core/serviceaccount/storage/token.go).
 */
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { ApiRequest, ApiResponse, KubeObject } from '../../api/client.ts';
import { invalid as invalidField } from '../../api/field-error.ts';
import { failure, invalid, notFound, success } from '../../api/status.ts';
import { formatTimestamp } from '../../api/timestamps.ts';
import { watchResource } from '../../client/informer.ts';
import { serviceAccountJwt } from '../../api/service-account-jwt.ts';
import type { ControllerContext } from '../controller-context.ts';

const CORE = { group: '', version: 'v1' } as const;
/** SetDefaults_TokenRequestSpec: one hour. */
const DEFAULT_EXPIRATION_SECONDS = 3600;
const MIN_EXPIRATION_SECONDS = 600;
const MAX_EXPIRATION_SECONDS = 2 ** 32;

export function startServiceAccountsController(ctx: ControllerContext): void {
  const server = ctx.server;
  watchResource(server, { ...CORE, resource: 'namespaces' }, (type, ns) => {
    if (type !== 'ADDED') return;
    const namespace = ns.metadata!.name!;
    ctx.clock.schedule(0, () => {
      if (server.handle({ verb: 'get', ...CORE, resource: 'serviceaccounts', namespace, name: 'default' }).ok) return;
      server.handle({ verb: 'create', ...CORE, resource: 'serviceaccounts', namespace, body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } } });
    });
  });
  // The controller also puts back a deleted `default` account.
  watchResource(server, { ...CORE, resource: 'serviceaccounts' }, (type, sa) => {
    if (type !== 'DELETED' || sa.metadata?.name !== 'default') return;
    const namespace = sa.metadata.namespace!;
    ctx.clock.schedule(0, () => {
      const ns = server.handle({ verb: 'get', ...CORE, resource: 'namespaces', name: namespace });
      if (!ns.ok || (ns.body as KubeObject).metadata?.deletionTimestamp) return;
      server.handle({ verb: 'create', ...CORE, resource: 'serviceaccounts', namespace, body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } } });
    });
  });
  server.registerSubresource('serviceaccounts', 'token', (req) => createToken(ctx, req));
}

interface TokenRequestBody {
  spec?: { audiences?: string[]; expirationSeconds?: number };
}

function createToken(ctx: ControllerContext, req: ApiRequest): ApiResponse<unknown> {
  const namespace = req.namespace ?? 'default';
  const name = req.name ?? '';
  if (req.verb !== 'create') return failure(notFound('', 'serviceaccounts', name));
  const account = ctx.server.handle({ verb: 'get', ...CORE, resource: 'serviceaccounts', namespace, name });
  if (!account.ok) return account;
  const spec = (req.body as TokenRequestBody | undefined)?.spec ?? {};
  const expirationSeconds = spec.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS;
  if (expirationSeconds < MIN_EXPIRATION_SECONDS)
    return failure(
      invalid('authentication.k8s.io', 'TokenRequest', name, [
        invalidField('spec.expirationSeconds', String(expirationSeconds), 'may not specify a duration less than 10 minutes'),
      ]),
    );
  if (expirationSeconds > MAX_EXPIRATION_SECONDS)
    return failure(
      invalid('authentication.k8s.io', 'TokenRequest', name, [
        invalidField('spec.expirationSeconds', String(expirationSeconds), 'may not specify a duration larger than 2^32 seconds'),
      ]),
    );
  const audiences = spec.audiences?.length ? spec.audiences : ['https://kubernetes.default.svc.cluster.local'];
  const nowMs = ctx.clock.now();
  const sa = account.body as ServiceAccount;
  const token = serviceAccountJwt({ namespace, account: name, accountUid: sa.metadata!.uid!, audiences, nowMs, expirationSeconds, random: ctx.random });
  return success(201, {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name, namespace, creationTimestamp: formatTimestamp(nowMs) },
    spec: { audiences, expirationSeconds, boundObjectRef: null },
    status: { token, expirationTimestamp: formatTimestamp(Math.floor(nowMs / 1000) * 1000 + expirationSeconds * 1000) },
  });
}
