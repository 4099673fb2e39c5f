/**
 * An HTTP request on a resource path turned into what the server does with it: one ApiRequest, a
 * watch, a log read, or an exec stream. Models the verb choice of
 * staging/src/k8s.io/apiserver/pkg/endpoints/installer.go (GET with a name is get, without one
 * list, `watch=true` or a `/watch/` path watch; DELETE without a name deletecollection) and the
 * query parameters of metav1.ListOptions, CreateOptions, PatchOptions, DeleteOptions,
 * PodLogOptions and PodExecOptions.
 */
import { parse as parseYaml } from 'yaml';
import type { ApiRequest, PatchType, RequestQuery, Status } from '../client.ts';
import { decodeProtobufObject } from '../protobuf/decode-protobuf-object.ts';
import { managerFromUserAgent } from '../field-manager/default-manager.ts';
import { utf8Text } from '../../../lib/base64.ts';
import { bodyTypeOf, objectRendering } from './content-negotiation.ts';
import type { ResourcePath } from './request-route.ts';
import { badRequest, methodNotSupported, notAcceptable, unsupportedMediaType } from './serve-status.ts';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface Rendering {
  table: boolean;
  /** For a Table: what each row carries as its object (TableOptions.includeObject). */
  includeObject: IncludeObject;
}

export type ResourceAction =
  | { kind: 'request'; request: ApiRequest; rendering: Rendering; page?: { limit: number; continueToken?: string } }
  | { kind: 'watch'; request: ApiRequest; rendering: Rendering; timeoutSeconds?: number; sendInitialEvents: boolean; allowWatchBookmarks: boolean }
  | { kind: 'log'; request: ApiRequest; follow: boolean }
  | { kind: 'exec'; namespace: string; pod: string; container?: string; command: string[]; stdin: boolean; stdout: boolean; stderr: boolean; tty: boolean }
  | { kind: 'attach'; namespace: string; pod: string; container?: string; stdin: boolean; stdout: boolean; stderr: boolean; tty: boolean }
  | { kind: 'portforward'; namespace: string; pod: string; ports: number[] }
  | { kind: 'error'; status: Status };

/** The query string's parameters: what URLSearchParams offers (the engine has no DOM or Node types). */
export interface QueryParams {
  get(name: string): string | null;
  getAll(name: string): string[];
}

export interface HttpRequestParts {
  method: string;
  query: QueryParams;
  contentType?: string;
  accept?: string;
  /** A write that names no fieldManager is recorded under the user agent's first word. */
  userAgent?: string;
  /** Raw bytes: a protobuf body is not text. */
  body: Uint8Array;
}

const PATCH_TYPES: Record<string, PatchType> = {
  'json-patch': 'application/json-patch+json',
  'merge-patch': 'application/merge-patch+json',
  'strategic-merge-patch': 'application/strategic-merge-patch+json',
  'apply-patch': 'application/apply-patch+yaml',
};

export function resourceAction(path: ResourcePath, http: HttpRequestParts): ResourceAction {
  const q = http.query;
  const base = {
    group: path.group,
    version: path.version,
    resource: path.resource,
    ...(path.namespace !== undefined ? { namespace: path.namespace } : {}),
    ...(path.name !== undefined ? { name: path.name } : {}),
    ...(path.subresource !== undefined ? { subresource: path.subresource } : {}),
  };
  const method = http.method.toUpperCase();

  if ((path.subresource === 'exec' || path.subresource === 'attach') && (method === 'GET' || method === 'POST')) {
    const streams = {
      namespace: path.namespace ?? 'default',
      pod: path.name ?? '',
      ...(q.get('container') ? { container: q.get('container')! } : {}),
      stdin: flag(q, 'stdin'),
      stdout: flag(q, 'stdout'),
      stderr: flag(q, 'stderr'),
      tty: flag(q, 'tty'),
    };
    return path.subresource === 'exec' ? { kind: 'exec', ...streams, command: q.getAll('command') } : { kind: 'attach', ...streams };
  }
  if (path.subresource === 'portforward' && (method === 'GET' || method === 'POST')) {
    return {
      kind: 'portforward',
      namespace: path.namespace ?? 'default',
      pod: path.name ?? '',
      ports: q
        .getAll('ports')
        .flatMap((p) => p.split(','))
        .map(Number),
    };
  }
  if (path.subresource === 'log' && method === 'GET') {
    const query = logQuery(q);
    if ('status' in query) return { kind: 'error', status: query.status };
    return { kind: 'log', request: { verb: 'get', ...base, query: query.query }, follow: flag(q, 'follow') };
  }

  const common = commonQuery(q);
  if ('status' in common) return { kind: 'error', status: common.status };
  const query = common.query;
  const negotiated = objectRendering(http.accept);
  if (negotiated === 'not-acceptable') return { kind: 'error', status: notAcceptable() };
  const includeObject = (q.get('includeObject') ?? 'Metadata') as IncludeObject;
  if (!['None', 'Metadata', 'Object'].includes(includeObject)) {
    return { kind: 'error', status: badRequest(`Unsupported value: "${includeObject}": supported values: "Metadata", "None", "Object"`) };
  }
  const rendering: Rendering = { table: negotiated === 'table', includeObject };
  if (rendering.table) query.as = 'Table';
  if (method !== 'GET' && !query.fieldManager && http.userAgent) query.fieldManager = managerFromUserAgent(http.userAgent);

  switch (method) {
    case 'GET': {
      if (path.name !== undefined && !path.watchPath) return { kind: 'request', request: { verb: 'get', ...base, query }, rendering };
      if (path.watchPath || flag(q, 'watch')) {
        const timeout = integer(q, 'timeoutSeconds');
        if (typeof timeout === 'object') return { kind: 'error', status: timeout.status };
        return {
          kind: 'watch',
          request: { verb: 'watch', ...base, query },
          rendering,
          ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}),
          sendInitialEvents: flag(q, 'sendInitialEvents'),
          allowWatchBookmarks: flag(q, 'allowWatchBookmarks'),
        };
      }
      const limit = integer(q, 'limit');
      if (typeof limit === 'object') return { kind: 'error', status: limit.status };
      const continueToken = q.get('continue') ?? undefined;
      const page = limit !== undefined && limit > 0 ? { limit, ...(continueToken ? { continueToken } : {}) } : continueToken ? { limit: 0, continueToken } : undefined;
      return { kind: 'request', request: { verb: 'list', ...base, query }, rendering, ...(page ? { page } : {}) };
    }
    case 'POST':
    case 'PUT': {
      const bodyType = bodyTypeOf(http.contentType);
      if (bodyType !== 'json' && bodyType !== 'yaml' && bodyType !== 'protobuf') {
        return { kind: 'error', status: unsupportedMediaType(['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf']) };
      }
      const body = decodeBody(http.body, bodyType);
      if ('status' in body) return { kind: 'error', status: body.status };
      return { kind: 'request', request: { verb: method === 'POST' ? 'create' : 'update', ...base, body: body.value, query }, rendering };
    }
    case 'PATCH': {
      const bodyType = bodyTypeOf(http.contentType);
      const patchType = PATCH_TYPES[bodyType];
      if (!patchType) return { kind: 'error', status: unsupportedMediaType(Object.values(PATCH_TYPES)) };
      // An applied configuration is YAML (JSON being YAML too); the other patches are JSON.
      const body = decodeBody(http.body, bodyType === 'apply-patch' ? 'yaml' : 'json');
      if ('status' in body) return { kind: 'error', status: body.status };
      return { kind: 'request', request: { verb: 'patch', ...base, body: body.value, patchType, query }, rendering };
    }
    case 'DELETE': {
      const deleteType = bodyTypeOf(http.contentType);
      const options = textOf(http.body).trim() ? decodeBody(http.body, deleteType === 'yaml' || deleteType === 'protobuf' ? deleteType : 'json') : { value: {} };
      if ('status' in options) return { kind: 'error', status: options.status };
      const deleteQuery = withDeleteOptions(query, options.value);
      if ('status' in deleteQuery) return { kind: 'error', status: deleteQuery.status };
      return { kind: 'request', request: { verb: path.name === undefined ? 'deletecollection' : 'delete', ...base, query: deleteQuery.query }, rendering };
    }
    default:
      return { kind: 'error', status: methodNotSupported() };
  }
}

function flag(q: QueryParams, name: string): boolean {
  const value = q.get(name);
  return value === 'true' || value === '1';
}

function integer(q: QueryParams, name: string): number | undefined | { status: Status } {
  const value = q.get(name);
  if (value === null || value === '') return undefined;
  if (!/^-?\d+$/.test(value)) return { status: badRequest(`strconv.ParseInt: parsing "${value}": invalid syntax`) };
  return Number(value);
}

function commonQuery(q: QueryParams): { query: RequestQuery } | { status: Status } {
  const query: RequestQuery = {};
  const label = q.get('labelSelector');
  if (label) query.labelSelector = label;
  const field = q.get('fieldSelector');
  if (field) query.fieldSelector = field;
  const rv = q.get('resourceVersion');
  if (rv) query.resourceVersion = rv;
  for (const dryRun of q.getAll('dryRun')) {
    if (dryRun !== 'All') return { status: invalidDryRun(dryRun) };
    query.dryRun = 'All';
  }
  const validation = q.get('fieldValidation');
  if (validation) {
    if (validation !== 'Strict' && validation !== 'Warn' && validation !== 'Ignore') {
      return { status: badRequest(`fieldValidation must be one of "Ignore", "Warn", or "Strict"; got "${validation}"`) };
    }
    query.fieldValidation = validation;
  }
  const manager = q.get('fieldManager');
  if (manager) query.fieldManager = manager;
  const force = q.get('force');
  if (force !== null) query.force = force === 'true' || force === '1';
  const grace = integer(q, 'gracePeriodSeconds');
  if (typeof grace === 'object') return grace;
  if (grace !== undefined) query.gracePeriodSeconds = grace;
  const policy = q.get('propagationPolicy');
  if (policy) {
    const checked = propagationPolicy(policy);
    if (typeof checked === 'object') return checked;
    query.propagationPolicy = checked;
  }
  return { query };
}

type PropagationPolicy = NonNullable<RequestQuery['propagationPolicy']>;

function propagationPolicy(value: string): PropagationPolicy | { status: Status } {
  if (value === 'Foreground' || value === 'Background' || value === 'Orphan') return value;
  return {
    status: badRequest(`DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${value}": supported values: "Foreground", "Background", "Orphan", "nil"`),
  };
}

function invalidDryRun(value: string): Status {
  return badRequest(`Invalid dry run value: "${value}": supported values: "All"`);
}

/** DeleteOptions sent as the body (what kubectl does) override the query's. */
function withDeleteOptions(query: RequestQuery, body: unknown): { query: RequestQuery } | { status: Status } {
  if (body === null || typeof body !== 'object') return { query };
  const options = body as { propagationPolicy?: unknown; gracePeriodSeconds?: unknown; dryRun?: unknown; orphanDependents?: unknown };
  const result: RequestQuery = { ...query };
  if (typeof options.propagationPolicy === 'string') {
    const checked = propagationPolicy(options.propagationPolicy);
    if (typeof checked === 'object') return checked;
    result.propagationPolicy = checked;
  } else if (options.orphanDependents === true) {
    result.propagationPolicy = 'Orphan';
  }
  if (typeof options.gracePeriodSeconds === 'number') result.gracePeriodSeconds = options.gracePeriodSeconds;
  if (Array.isArray(options.dryRun)) {
    for (const value of options.dryRun) {
      if (value !== 'All') return { status: invalidDryRun(String(value)) };
      result.dryRun = 'All';
    }
  }
  return { query: result };
}

function logQuery(q: QueryParams): { query: RequestQuery } | { status: Status } {
  const query: RequestQuery = {};
  const container = q.get('container');
  if (container) query.container = container;
  if (flag(q, 'previous')) query.previous = true;
  if (flag(q, 'timestamps')) query.timestamps = true;
  for (const name of ['tailLines', 'sinceSeconds', 'limitBytes'] as const) {
    const value = integer(q, name);
    if (typeof value === 'object') return value;
    if (value !== undefined) query[name] = value;
  }
  const sinceTime = q.get('sinceTime');
  if (sinceTime) query.sinceTime = sinceTime;
  return { query };
}

function textOf(body: Uint8Array): string {
  return utf8Text([...body]);
}

function decodeBody(body: Uint8Array, type: 'json' | 'yaml' | 'protobuf'): { value: unknown } | { status: Status } {
  if (type === 'protobuf') {
    const decoded = decodeProtobufObject(body);
    return decoded.ok ? { value: decoded.object } : { status: badRequest(decoded.message) };
  }
  const text = textOf(body);
  try {
    return { value: type === 'json' ? JSON.parse(text) : parseYaml(text) };
  } catch {
    // The parser's own words are JavaScript's, not the apiserver's.
    return { status: badRequest(`couldn't get version/kind; json parse error: invalid character looking for beginning of value`) };
  }
}
