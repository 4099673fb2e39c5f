/**
 * The operations of a resource's subresources (status, scale, binding, eviction, finalize, log,
 * exec, proxy), each with the kind it is served with. Models the subresource branches of
 * staging/src/k8s.io/apiserver/pkg/endpoints/installer.go registerResourceHandlers.
 */
import { definitionNameOf, type Gvk, type Schema } from './openapi-data.ts';
import { article, body, type MakeOperation, type Method, nameParameter, ok, type Operation, parameter, readWrite, SERIALIZATIONS, WRITE_PARAMETERS } from './operation.ts';

const LOG_PARAMETERS = ['container', 'follow', 'insecureSkipTLSVerifyBackend', 'limitBytes', 'pretty', 'previous', 'sinceSeconds', 'stream', 'tailLines', 'timestamps'];
const EXEC_PARAMETERS = ['command', 'container', 'stderr', 'stdin', 'stdout', 'tty'];

/** Subresources served with their own kind: scale answers autoscaling/v1 Scale, and so on. */
const SUBRESOURCE_KINDS: Record<string, Gvk> = {
  scale: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
  binding: { group: '', version: 'v1', kind: 'Binding' },
  eviction: { group: 'policy', version: 'v1', kind: 'Eviction' },
  exec: { group: '', version: 'v1', kind: 'PodExecOptions' },
  proxy: { group: '', version: 'v1', kind: 'NodeProxyOptions' },
};

const PROXY_METHODS: Method[] = ['delete', 'get', 'head', 'options', 'patch', 'post', 'put'];

export interface SubresourceContext {
  gv: string;
  scope: string;
  kind: string;
  sub: string;
  gvk: Gvk;
  definition: string;
  ns: Schema[];
  pretty: Schema;
}

export function subresourceOperations(op: MakeOperation, c: SubresourceContext): Operation[] {
  const suffix = c.sub.charAt(0).toUpperCase() + c.sub.slice(1);
  const subKind = SUBRESOURCE_KINDS[c.sub];
  const subDefinition = subKind ? definitionNameOf(subKind) : undefined;
  switch (c.sub) {
    case 'status':
      return readWrite(
        op,
        c.gv,
        c.scope,
        c.kind,
        suffix,
        `status of the specified ${c.kind}`,
        c.gvk,
        c.definition,
        [nameParameter(c.kind), ...c.ns, c.pretty],
        ['get', 'patch', 'update'],
      );
    case 'scale':
      if (!subKind || !subDefinition) return [];
      return readWrite(
        op,
        c.gv,
        c.scope,
        c.kind,
        suffix,
        `scale of the specified ${c.kind}`,
        subKind,
        subDefinition,
        [nameParameter('Scale'), ...c.ns, c.pretty],
        ['get', 'patch', 'update'],
      );
    case 'binding':
    case 'eviction':
      if (!subKind || !subDefinition) return [];
      return [
        op({
          method: 'post',
          operationId: `create${c.gv}${c.scope}${c.kind}${suffix}`,
          description: `create ${c.sub} of${article(c.kind)} ${c.kind}`,
          action: 'post',
          gvk: subKind,
          parameters: [body(subDefinition, true), ...WRITE_PARAMETERS.map((n) => parameter(n)), nameParameter(subKind.kind), ...c.ns, c.pretty],
          responses: ok(subDefinition, '200', '201', '202'),
        }),
      ];
    case 'finalize':
      return [
        op({
          method: 'put',
          operationId: `replace${c.gv}${c.scope}${c.kind}Finalize`,
          description: `replace finalize of the specified ${c.kind}`,
          action: 'put',
          gvk: c.gvk,
          parameters: [body(c.definition, true), ...WRITE_PARAMETERS.map((n) => parameter(n)), nameParameter(c.kind), ...c.ns, c.pretty],
          responses: ok(c.definition, '200', '201'),
        }),
      ];
    case 'log':
      return [
        op({
          method: 'get',
          operationId: `read${c.gv}${c.scope}${c.kind}Log`,
          description: `read log of the specified ${c.kind}`,
          action: 'get',
          gvk: c.gvk,
          parameters: [...LOG_PARAMETERS.map((n) => parameter(n, 'log.')), nameParameter(c.kind), ...c.ns],
          produces: ['text/plain', ...SERIALIZATIONS],
          responses: [{ code: '200', isString: true }, { code: '401' }],
        }),
      ];
    case 'exec':
      if (!subKind) return [];
      return (['get', 'post'] as const).map((method) => {
        const verb = method.charAt(0).toUpperCase() + method.slice(1);
        return op({
          method,
          operationId: `connect${c.gv}${verb}${c.scope}${c.kind}Exec`,
          description: `connect ${method.toUpperCase()} requests to exec of ${c.kind}`,
          action: 'connect',
          gvk: subKind,
          parameters: [...EXEC_PARAMETERS.map((n) => parameter(n, 'exec.')), nameParameter(subKind.kind), ...c.ns],
          produces: ['*/*'],
          responses: [{ code: '200', isString: true }, { code: '401' }],
        });
      });
    default:
      return [];
  }
}

/** Connect operations of every method, as the node proxy is served. */
export function proxyOperations(op: MakeOperation, c: SubresourceContext, suffix: string, pathParams: Schema[]): Operation[] {
  const options = SUBRESOURCE_KINDS['proxy']!;
  return PROXY_METHODS.map((method) => {
    const verb = method.charAt(0).toUpperCase() + method.slice(1);
    return op({
      method,
      operationId: `connect${c.gv}${verb}${c.scope}${c.kind}Proxy${suffix}`,
      description: `connect ${method.toUpperCase()} requests to proxy of ${c.kind}`,
      action: 'connect',
      gvk: options,
      parameters: [nameParameter(options.kind), ...pathParams, parameter('path', 'proxy.'), ...c.ns],
      produces: ['*/*'],
      responses: [{ code: '200', isString: true }, { code: '401' }],
    });
  });
}
