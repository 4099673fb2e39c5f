/**
 * The simulated kube-apiserver: routes REST-shaped requests to the store through each kind's
 * ResourceDefinition (decode -> default -> admit -> validate -> persist), serves watches, and
 * answers with objects or Status errors. Synchronous: controllers call it directly; external
 * clients go through InProcessApiClient, which makes it look asynchronous like HTTP.
 */
import type { SeededRandom } from '../clock/seeded-random.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import { ObjectStore, type StoredEvent } from '../store/object-store.ts';
import { deepCopy, stableStringify } from '../store/deep-copy.ts';
import { deprecationWarning } from './deprecation-warning.ts';
import type { ApiRequest, ApiResource, ApiResponse, KubeList, KubeObject, ObjectMeta, Status, Table, WatchEvent, WatchHandle } from './client.ts';
import type { FieldError } from './field-error.ts';
import { required } from './field-error.ts';
import type { ResourceDefinition, ServerContext, UpdateStrategy } from './resource-definition.ts';
import * as statusOf from './status.ts';
import { failure } from './status.ts';
import { formatTimestamp } from './timestamps.ts';
import type { ServerLibraries } from './server-libraries.ts';
import { ClusterIpAllocator, NodePortAllocator } from './ip-allocators.ts';

export type SubresourceHandler = (req: ApiRequest, server: ApiServer) => ApiResponse<unknown>;

export interface ApiServerOptions {
  clock: VirtualClock;
  random: SeededRandom;
  definitions: ResourceDefinition[];
  libraries: ServerLibraries;
}

/** Namespaces that exist from the start of every cluster and cannot be deleted. */
const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export class ApiServer {
  readonly store = new ObjectStore();
  readonly #clock: VirtualClock;
  readonly #random: SeededRandom;
  readonly #libs: ServerLibraries;
  readonly #byResource = new Map<string, ResourceDefinition>();
  readonly #subresourceHandlers = new Map<string, SubresourceHandler>();
  readonly #clusterIps: ClusterIpAllocator;
  readonly #nodePorts: NodePortAllocator;

  constructor(options: ApiServerOptions) {
    this.#clock = options.clock;
    this.#random = options.random;
    this.#libs = options.libraries;
    for (const def of options.definitions) this.#byResource.set(resourceKey(def.info.group, def.info.name), def);
    this.#clusterIps = new ClusterIpAllocator(this.store);
    this.#nodePorts = new NodePortAllocator(this.store, options.random);
  }

  /** Discovery: every served resource, as `kubectl api-resources` lists them. */
  discovery(): ApiResource[] {
    return [...this.#byResource.values()].map((d) => deepCopy(d.info));
  }

  /** The resourceVersion the server is at: what a list reports in its metadata. */
  resourceVersion(): string {
    return String(this.store.revision());
  }

  definitionFor(group: string, resource: string): ResourceDefinition | undefined {
    return this.#byResource.get(resourceKey(group, resource));
  }

  definitionForKind(apiVersion: string, kind: string): ResourceDefinition | undefined {
    const { group, version } = splitApiVersion(apiVersion);
    for (const def of this.#byResource.values()) {
      if (def.info.group === group && def.info.version === version && def.info.kind === kind) return def;
    }
    return undefined;
  }

  /** Lets the kubelet serve pods/log, pods/exec and the like. */
  registerSubresource(resource: string, subresource: string, handler: SubresourceHandler): void {
    this.#subresourceHandlers.set(`${resource}/${subresource}`, handler);
  }

  context(): ServerContext {
    return {
      nowMs: this.#clock.now(),
      random: this.#random,
      store: {
        get: (resource, namespace, name) => this.#storeGet(resource, namespace, name),
        list: (resource, namespace) => this.#storeList(resource, namespace),
      },
      allocateClusterIP: () => this.#clusterIps.allocate(),
      allocateNodePort: () => this.#nodePorts.allocate(),
    };
  }

  /** Creates the namespaces every cluster starts with. */
  bootstrapNamespaces(): void {
    for (const name of SYSTEM_NAMESPACES) {
      this.handle({ verb: 'create', group: '', version: 'v1', resource: 'namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } });
    }
  }

  handle(req: ApiRequest): ApiResponse<unknown> {
    const def = this.definitionFor(req.group, req.resource);
    if (!def || def.info.version !== req.version) {
      return failure(notFoundResource(req));
    }
    // Models handlers/rest.go limitedReadBody: a body past the limit is refused before it is decoded.
    if (req.body !== undefined && (req.verb === 'create' || req.verb === 'update' || req.verb === 'patch') && bodyBytes(req.body) > statusOf.MAX_REQUEST_BODY_BYTES) {
      return failure(statusOf.requestEntityTooLarge(statusOf.MAX_REQUEST_BODY_BYTES));
    }
    // The body's media type is decoded before the object is looked up.
    if (req.verb === 'patch' && req.patchType === 'application/apply-patch+yaml') return failure(statusOf.unsupportedMediaType(statusOf.SIMULATED_PATCH_TYPES));
    if (req.subresource) {
      const handler = this.#subresourceHandlers.get(`${req.resource}/${req.subresource}`);
      if (handler) return handler(req, this);
      if (req.subresource === 'status') return this.#handleStatus(req, def);
      if (req.subresource === 'scale') return this.#handleScale(req, def);
      if (req.subresource === 'binding' && req.resource === 'pods' && req.verb === 'create') return this.#bindPod(req);
      const strategy = def.subresourceStrategies?.[req.subresource];
      if (strategy) return this.#handleStrategySubresource(req, def, strategy);
      // No route serves an unknown subresource: a bare 404.
      return failure(notFoundResource(req));
    }
    const res = this.#handleResource(req, def);
    const warning = deprecationWarning(def);
    return warning ? { ...res, warnings: [warning, ...(res.warnings ?? [])] } : res;
  }

  #handleResource(req: ApiRequest, def: ResourceDefinition): ApiResponse<unknown> {
    const namespace = def.info.namespaced ? req.namespace : undefined;
    if (def.info.namespaced && req.verb !== 'list' && req.verb !== 'watch' && !namespace) {
      return failure(statusOf.badRequest('an empty namespace may not be set when a resource name is provided'));
    }
    switch (req.verb) {
      case 'get':
        return this.#get(req, def, namespace);
      case 'list':
        return this.#list(req, def, namespace);
      case 'create':
        return this.#create(req, def, namespace);
      case 'update':
        return this.#update(req, def, namespace, req.body, false);
      case 'patch':
        return this.#patch(req, def, namespace, false);
      case 'delete':
        return this.#delete(req, def, namespace);
      case 'deletecollection':
        return this.#deleteCollection(req, def, namespace);
      case 'watch':
        return failure(statusOf.methodNotAllowed('watch is served through ApiServer.watch'));
    }
  }

  /** Streams changes of one resource (optionally one namespace / selector) to `onEvent`. */
  watch(req: ApiRequest, onEvent: (event: WatchEvent) => void): WatchHandle {
    const def = this.definitionFor(req.group, req.resource);
    if (!def) {
      onEvent({ type: 'ERROR', object: notFoundResource(req) as unknown as KubeObject });
      return { stop: () => undefined };
    }
    const namespace = def.info.namespaced ? req.namespace : undefined;
    const key = resourceKey(req.group, req.resource);
    const matcher = this.#matcher(req, def);
    if (!matcher.ok) {
      onEvent({ type: 'ERROR', object: matcher.status as unknown as KubeObject });
      return { stop: () => undefined };
    }
    const matches = (obj: KubeObject) =>
      (namespace === undefined || obj.metadata?.namespace === namespace) && (req.name === undefined || obj.metadata?.name === req.name) && matcher.matches(obj);
    let stopped = false;
    // A client that asked for a Table (`kubectl get -w`) gets each change as a one-row Table.
    const render = (obj: KubeObject): KubeObject => (req.query?.as === 'Table' ? (this.#table(def, [obj], req) as unknown as KubeObject) : obj);
    const deliver = (event: StoredEvent) => {
      if (stopped || event.resourceKey !== key || !matches(event.object)) return;
      onEvent({ type: event.type, object: render(deepCopy(event.object)) });
    };
    const fromVersion = req.query?.resourceVersion;
    if (fromVersion === undefined || fromVersion === '' || fromVersion === '0') {
      for (const obj of this.store.list(key, namespace)) {
        if (matches(obj)) onEvent({ type: 'ADDED', object: render(obj) });
      }
    } else {
      const missed = this.store.eventsSince(Number(fromVersion));
      if (missed === undefined) {
        onEvent({
          type: 'ERROR',
          object: {
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Failure',
            message: `too old resource version: ${fromVersion}`,
            reason: 'Gone',
            code: 410,
          } as unknown as KubeObject,
        });
        return { stop: () => undefined };
      }
      for (const event of missed) deliver(event);
    }
    const unsubscribe = this.store.subscribe(deliver);
    return {
      stop: () => {
        stopped = true;
        unsubscribe();
      },
    };
  }

  // ---- verbs -------------------------------------------------------------------------------

  #get(req: ApiRequest, def: ResourceDefinition, namespace: string | undefined): ApiResponse<unknown> {
    const obj = this.store.get(resourceKey(req.group, req.resource), namespace, req.name ?? '');
    if (!obj) return failure(statusOf.notFound(req.group, req.resource, req.name ?? ''));
    if (req.query?.as === 'Table') return { ok: true, code: 200, body: this.#table(def, [obj], req) };
    return { ok: true, code: 200, body: obj };
  }

  #list(req: ApiRequest, def: ResourceDefinition, namespace: string | undefined): ApiResponse<unknown> {
    const matcher = this.#matcher(req, def);
    if (!matcher.ok) return failure(matcher.status);
    const items = this.store.list(resourceKey(req.group, req.resource), namespace).filter((o) => matcher.matches(o));
    if (req.query?.as === 'Table') return { ok: true, code: 200, body: this.#table(def, items, req) };
    const list: KubeList = {
      apiVersion: def.info.group ? `${def.info.group}/${def.info.version}` : def.info.version,
      kind: `${def.info.kind}List`,
      metadata: { resourceVersion: String(this.store.revision()) },
      items,
    };
    return { ok: true, code: 200, body: list };
  }

  #create(req: ApiRequest, def: ResourceDefinition, namespace: string | undefined): ApiResponse<unknown> {
    const decoded = this.#decode(req, def);
    if (!decoded.ok) return decoded.response;
    const obj = decoded.obj;
    const meta: ObjectMeta = (obj.metadata ??= {});
    if (def.info.namespaced) {
      if (meta.namespace && meta.namespace !== namespace) {
        return failure(statusOf.badRequest('the namespace of the provided object does not match the namespace sent on the request'));
      }
      meta.namespace = namespace!;
      const ns = this.store.get('/namespaces', undefined, namespace!);
      if (!ns) return failure(statusOf.notFound('', 'namespaces', namespace!));
      if (ns.metadata?.deletionTimestamp) {
        return failure(
          statusOf.forbidden(
            req.group,
            req.resource,
            meta.name ?? meta.generateName ?? '',
            `unable to create new content in namespace ${namespace} because it is being terminated`,
          ),
        );
      }
    } else {
      delete meta.namespace;
    }
    if (!meta.name && meta.generateName) meta.name = this.#generateUniqueName(req, namespace, meta.generateName);
    const ctx = this.context();
    def.applyDefaults?.(obj, ctx);
    const kind = def.info.kind;
    const nameErrors: FieldError[] = meta.name ? [] : [required('metadata.name', 'name or generateName is required')];
    const key = resourceKey(req.group, req.resource);
    if (meta.name && this.store.get(key, namespace, meta.name)) {
      return failure(statusOf.alreadyExists(req.group, req.resource, meta.name), decoded.warnings);
    }
    // Mutating admission runs before validation, as in the real request chain.
    def.admitCreate?.(obj, ctx);
    const errors = [...nameErrors, ...(def.validateCreate?.(obj, ctx) ?? [])];
    if (errors.length > 0) return failure(statusOf.invalid(req.group, kind, meta.name ?? '', errors), decoded.warnings);
    meta.uid = this.#uid();
    meta.creationTimestamp = formatTimestamp(this.#clock.now());
    if (def.hasSpecChange) meta.generation = 1;
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.managedFields;
    obj.apiVersion = apiVersionOf(def);
    obj.kind = kind;
    if (req.query?.dryRun === 'All') return ok(201, obj, decoded.warnings);
    return ok(201, this.store.put(key, obj), decoded.warnings);
  }

  #update(
    req: ApiRequest,
    def: ResourceDefinition,
    namespace: string | undefined,
    body: unknown,
    isStatus: boolean,
    preDecoded?: { obj: KubeObject; warnings: string[] },
    strategy?: UpdateStrategy,
  ): ApiResponse<unknown> {
    const key = resourceKey(req.group, req.resource);
    const old = this.store.get(key, namespace, req.name ?? '');
    if (!old) return failure(statusOf.notFound(req.group, req.resource, req.name ?? ''));
    let obj: KubeObject;
    let warnings: string[] = [];
    if (preDecoded) {
      obj = preDecoded.obj;
      warnings = preDecoded.warnings;
    } else {
      const decoded = this.#decode({ ...req, body }, def);
      if (!decoded.ok) return decoded.response;
      obj = decoded.obj;
      warnings = decoded.warnings;
    }
    const meta: ObjectMeta = (obj.metadata ??= {});
    if (meta.name !== undefined && meta.name !== req.name) {
      return failure(statusOf.badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${req.name})`));
    }
    if (meta.resourceVersion && meta.resourceVersion !== old.metadata?.resourceVersion) {
      return failure(statusOf.conflict(req.group, req.resource, req.name ?? '', 'the object has been modified; please apply your changes to the latest version and try again'));
    }
    // Fields the server owns are carried over from the stored object.
    meta.name = old.metadata!.name!;
    if (namespace !== undefined) meta.namespace = namespace;
    meta.uid = old.metadata!.uid!;
    meta.creationTimestamp = old.metadata!.creationTimestamp ?? null;
    if (old.metadata!.deletionTimestamp) meta.deletionTimestamp = old.metadata!.deletionTimestamp;
    if (old.metadata!.deletionGracePeriodSeconds !== undefined) meta.deletionGracePeriodSeconds = old.metadata!.deletionGracePeriodSeconds;
    if (old.metadata!.generation !== undefined) meta.generation = old.metadata!.generation;
    obj.apiVersion = apiVersionOf(def);
    obj.kind = def.info.kind;
    if (isStatus) {
      // A status update changes only status (and nothing the main resource owns).
      const merged = deepCopy(old);
      merged.status = obj.status;
      obj = merged;
    } else {
      const ctx = this.context();
      def.applyDefaults?.(obj, ctx);
      if ('status' in old) obj.status = deepCopy(old.status);
      else delete obj.status;
      if (strategy) strategy.prepareForUpdate(obj, old);
      else def.prepareForUpdate?.(obj, old, ctx);
      const errors = (strategy ? strategy.validateUpdate(obj, old) : def.validateUpdate?.(obj, old, ctx)) ?? [];
      if (errors.length > 0) return failure(statusOf.invalid(req.group, def.info.kind, req.name ?? '', errors), warnings);
      if (def.hasSpecChange?.(obj, old)) obj.metadata!.generation = (old.metadata!.generation ?? 0) + 1;
    }
    if (sameContent(obj, old)) return ok(200, old, warnings);
    if (req.query?.dryRun === 'All') return ok(200, obj, warnings);
    const stored = this.store.put(key, obj);
    this.#finishDeletionIfReady(key, stored);
    return ok(200, stored, warnings);
  }

  #patch(req: ApiRequest, def: ResourceDefinition, namespace: string | undefined, isStatus: boolean, strategy?: UpdateStrategy): ApiResponse<unknown> {
    const key = resourceKey(req.group, req.resource);
    const current = this.store.get(key, namespace, req.name ?? '');
    if (!current) return failure(statusOf.notFound(req.group, req.resource, req.name ?? ''));
    const patched = this.#libs.applyPatch(current, req.body, req.patchType ?? 'application/strategic-merge-patch+json', def);
    if (!patched.ok) return failure(patched.status);
    const withVersion = patched.value as KubeObject;
    // A patch never conflicts on resourceVersion unless it names one explicitly.
    const patchMeta = (req.body as KubeObject | undefined)?.metadata;
    if (withVersion.metadata && !patchMeta?.resourceVersion) withVersion.metadata.resourceVersion = current.metadata?.resourceVersion!;
    return this.#update(req, def, namespace, withVersion, isStatus, undefined, strategy);
  }

  #delete(req: ApiRequest, def: ResourceDefinition, namespace: string | undefined): ApiResponse<unknown> {
    const key = resourceKey(req.group, req.resource);
    const obj = this.store.get(key, namespace, req.name ?? '');
    if (!obj) return failure(statusOf.notFound(req.group, req.resource, req.name ?? ''));
    if (def.info.kind === 'Namespace' && SYSTEM_NAMESPACES.includes(obj.metadata!.name!)) {
      return failure(statusOf.forbidden(req.group, req.resource, obj.metadata!.name!, 'this namespace may not be deleted'));
    }
    if (req.query?.dryRun === 'All') return ok(200, obj);
    const policy = req.query?.propagationPolicy ?? 'Background';
    if (policy === 'Orphan') this.#orphanDependents(obj);
    const graceSeconds = this.#gracePeriodFor(def, obj, req.query?.gracePeriodSeconds);
    if (graceSeconds > 0 || (obj.metadata?.finalizers?.length ?? 0) > 0) {
      if (obj.metadata?.deletionTimestamp) return ok(200, obj);
      const meta = obj.metadata!;
      meta.deletionTimestamp = formatTimestamp(this.#clock.now() + graceSeconds * 1000);
      meta.deletionGracePeriodSeconds = graceSeconds;
      if (def.hasSpecChange) meta.generation = (meta.generation ?? 0) + 1;
      const stored = this.store.put(key, obj);
      return ok(200, stored);
    }
    const removed = this.store.remove(key, namespace, req.name ?? '');
    return ok(200, removed ?? obj);
  }

  #deleteCollection(req: ApiRequest, def: ResourceDefinition, namespace: string | undefined): ApiResponse<unknown> {
    const listed = this.#list({ ...req, verb: 'list', query: { ...req.query, as: undefined as never } }, def, namespace);
    if (!listed.ok) return listed;
    const items = (listed.body as KubeList).items;
    for (const item of items) {
      const itemNamespace = item.metadata?.namespace;
      this.#delete({ ...req, verb: 'delete', name: item.metadata!.name!, ...(itemNamespace ? { namespace: itemNamespace } : {}) }, def, itemNamespace);
    }
    return listed;
  }

  /**
   * Removes an object whose graceful deletion has finished: the kubelet confirms a pod is gone by
   * deleting it again with grace period 0; finalizers must be empty.
   */
  #finishDeletionIfReady(key: string, obj: KubeObject): void {
    const meta = obj.metadata;
    if (!meta?.deletionTimestamp || (meta.finalizers?.length ?? 0) > 0) return;
    if ((meta.deletionGracePeriodSeconds ?? 0) === 0) this.store.remove(key, meta.namespace, meta.name!);
  }

  #gracePeriodFor(def: ResourceDefinition, obj: KubeObject, requested: number | undefined): number {
    if (def.info.kind !== 'Pod') return 0;
    const spec = obj.spec as { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined;
    // A pod that never reached a node has nothing to stop.
    if (!spec?.nodeName) return 0;
    const status = obj.status as { phase?: string } | undefined;
    if (status?.phase === 'Succeeded' || status?.phase === 'Failed') return 0;
    if (requested !== undefined) return Math.max(0, requested);
    return spec.terminationGracePeriodSeconds ?? 30;
  }

  #orphanDependents(owner: KubeObject): void {
    const uid = owner.metadata?.uid;
    for (const def of this.#byResource.values()) {
      const key = resourceKey(def.info.group, def.info.name);
      for (const dependent of this.store.list(key)) {
        const refs = dependent.metadata?.ownerReferences;
        if (!refs?.some((r) => r.uid === uid)) continue;
        dependent.metadata!.ownerReferences = refs.filter((r) => r.uid !== uid);
        if (dependent.metadata!.ownerReferences.length === 0) delete dependent.metadata!.ownerReferences;
        this.store.put(key, dependent);
      }
    }
  }

  // ---- subresources ------------------------------------------------------------------------

  #handleStatus(req: ApiRequest, def: ResourceDefinition): ApiResponse<unknown> {
    const namespace = def.info.namespaced ? req.namespace : undefined;
    if (req.verb === 'get') return this.#get(req, def, namespace);
    if (req.verb === 'update') return this.#update(req, def, namespace, req.body, true);
    if (req.verb === 'patch') return this.#patch(req, def, namespace, true);
    return failure(statusOf.methodNotAllowed(`the server does not allow this method on the requested resource`));
  }

  #handleStrategySubresource(req: ApiRequest, def: ResourceDefinition, strategy: UpdateStrategy): ApiResponse<unknown> {
    const namespace = def.info.namespaced ? req.namespace : undefined;
    if (req.verb === 'get') return this.#get(req, def, namespace);
    if (req.verb === 'update') return this.#update(req, def, namespace, req.body, false, undefined, strategy);
    if (req.verb === 'patch') return this.#patch(req, def, namespace, false, strategy);
    return failure(statusOf.methodNotAllowed('the server does not allow this method on the requested resource'));
  }

  #handleScale(req: ApiRequest, def: ResourceDefinition): ApiResponse<unknown> {
    const namespace = def.info.namespaced ? req.namespace : undefined;
    const key = resourceKey(req.group, req.resource);
    const obj = this.store.get(key, namespace, req.name ?? '');
    if (!obj) return failure(statusOf.notFound(req.group, req.resource, req.name ?? ''));
    if (req.verb === 'get') return ok(200, scaleOf(obj));
    if (req.verb !== 'update' && req.verb !== 'patch') {
      return failure(statusOf.methodNotAllowed('the server does not allow this method on the requested resource'));
    }
    let desired: unknown;
    if (req.verb === 'update') {
      desired = (req.body as { spec?: { replicas?: unknown } } | undefined)?.spec?.replicas;
    } else {
      const patched = this.#libs.applyPatch(scaleOf(obj), req.body, req.patchType ?? 'application/merge-patch+json', undefined);
      if (!patched.ok) return failure(patched.status);
      desired = (patched.value as { spec?: { replicas?: unknown } }).spec?.replicas;
    }
    const spec = (obj.spec ?? {}) as { replicas?: unknown };
    spec.replicas = desired;
    obj.spec = spec;
    const updated = this.#update({ ...req, subresource: undefined as never }, def, namespace, obj, false);
    if (!updated.ok) return updated;
    return ok(200, scaleOf(updated.body as KubeObject));
  }

  /** POST pods/binding: how the scheduler sets spec.nodeName, which a pod update may not change. */
  #bindPod(req: ApiRequest): ApiResponse<unknown> {
    const key = resourceKey('', 'pods');
    const pod = this.store.get(key, req.namespace, req.name ?? '');
    if (!pod) return failure(statusOf.notFound('', 'pods', req.name ?? ''));
    const spec = (pod.spec ?? {}) as { nodeName?: string };
    if (spec.nodeName) return failure(statusOf.conflict('', 'pods', req.name ?? '', `pod ${req.name} is already assigned to node "${spec.nodeName}"`));
    const target = (req.body as { target?: { name?: string } } | undefined)?.target?.name;
    if (!target) return failure(statusOf.badRequest('binding target is required'));
    spec.nodeName = target;
    pod.spec = spec;
    setPodScheduled(pod, formatTimestamp(this.#clock.now()));
    this.store.put(key, pod);
    return ok(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
  }

  // ---- helpers ---------------------------------------------------------------------------

  #decode(req: ApiRequest, def: ResourceDefinition): { ok: true; obj: KubeObject; warnings: string[] } | { ok: false; response: ApiResponse<unknown> } {
    if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
      return {
        ok: false,
        response: failure(
          statusOf.badRequest(
            'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf',
          ),
        ),
      };
    }
    const body = deepCopy(req.body as KubeObject);
    const decoded = this.#libs.decode(body, def);
    const kind = def.goKind ?? def.info.kind;
    const version = def.info.version;
    if (!decoded.ok) {
      return { ok: false, response: failure(statusOf.badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: ${decoded.message}`)) };
    }
    const mode = req.query?.fieldValidation ?? 'Strict';
    const warnings: string[] = [];
    if (decoded.unknownFields.length > 0) {
      if (mode === 'Strict') {
        const list = decoded.unknownFields.map((f) => `unknown field "${f}"`).join(', ');
        return { ok: false, response: failure(statusOf.badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: strict decoding error: ${list}`)) };
      }
      if (mode === 'Warn') for (const f of decoded.unknownFields) warnings.push(`unknown field "${f}"`);
    }
    return { ok: true, obj: decoded.obj, warnings };
  }

  #matcher(req: ApiRequest, def: ResourceDefinition): { ok: true; matches: (obj: KubeObject) => boolean } | { ok: false; status: Status } {
    const labelMatcher = this.#libs.labelMatcher(req.query?.labelSelector ?? '');
    if (!labelMatcher.ok) return { ok: false, status: statusOf.badRequest(labelMatcher.message) };
    const fieldMatcher = this.#libs.fieldMatcher(req.query?.fieldSelector ?? '', def);
    if (!fieldMatcher.ok) return { ok: false, status: statusOf.badRequest(fieldMatcher.message) };
    return {
      ok: true,
      matches: (obj) => labelMatcher.matches(obj.metadata?.labels ?? {}) && fieldMatcher.matches(obj),
    };
  }

  #table(def: ResourceDefinition, items: KubeObject[], req: ApiRequest): Table {
    const nowMs = this.#clock.now();
    const columns = def.tableColumns ?? DEFAULT_COLUMNS;
    const wide = req.query?.includeWideColumns ?? true;
    const keep = columns.map((c) => wide || c.priority === 0);
    const rowOf = def.tableRow ?? ((obj: KubeObject) => [obj.metadata?.name ?? '', ageCell(obj, nowMs)]);
    return {
      apiVersion: 'meta.k8s.io/v1',
      kind: 'Table',
      metadata: { resourceVersion: String(this.store.revision()) },
      columnDefinitions: columns.filter((_, i) => keep[i]),
      rows: items.map((obj) => ({ cells: rowOf(obj, { nowMs }).filter((_, i) => keep[i]), object: obj })),
    };
  }

  #storeGet(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const def = [...this.#byResource.values()].find((d) => d.info.name === resource);
    return def ? this.store.get(resourceKey(def.info.group, resource), namespace, name) : undefined;
  }

  #storeList(resource: string, namespace?: string): KubeObject[] {
    const def = [...this.#byResource.values()].find((d) => d.info.name === resource);
    return def ? this.store.list(resourceKey(def.info.group, resource), namespace) : [];
  }

  #generateUniqueName(req: ApiRequest, namespace: string | undefined, base: string): string {
    const key = resourceKey(req.group, req.resource);
    for (;;) {
      let suffix = '';
      for (let i = 0; i < 5; i++) suffix += 'bcdfghjklmnpqrstvwxz2456789'[this.#random.int(27)];
      const name = (base.length > 58 ? base.slice(0, 58) : base) + suffix;
      if (!this.store.get(key, namespace, name)) return name;
    }
  }

  #uid(): string {
    const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[this.#random.int(16)]).join('');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[this.#random.int(4)]}${hex(3)}-${hex(12)}`;
  }
}

const DEFAULT_COLUMNS = [
  { name: 'Name', type: 'string' as const, format: 'name', description: 'Name must be unique within a namespace.', priority: 0 },
  { name: 'Age', type: 'string' as const, format: '', description: 'CreationTimestamp', priority: 0 },
];

function ageCell(obj: KubeObject, nowMs: number): string {
  const created = obj.metadata?.creationTimestamp;
  if (!created) return '<unknown>';
  const seconds = Math.floor((nowMs - Date.parse(created)) / 1000);
  return `${seconds}s`;
}

export function resourceKey(group: string, resource: string): string {
  return `${group}/${resource}`;
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

function apiVersionOf(def: ResourceDefinition): string {
  return def.info.group ? `${def.info.group}/${def.info.version}` : def.info.version;
}

function ok(code: number, body: unknown, warnings?: string[]): ApiResponse<unknown> {
  return { ok: true, code, body, ...(warnings?.length ? { warnings } : {}) };
}

function notFoundResource(req: ApiRequest): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server could not find the requested resource',
    reason: 'NotFound',
    details: {},
    code: 404,
  };
}

/**
 * BindingREST.setPodNodeAndMetadata: binding marks the pod PodScheduled=True (UpdatePodCondition:
 * a new transition time only when the status changes), stamped with the pod's generation.
 */
function setPodScheduled(pod: KubeObject, now: string): void {
  const status = (pod.status ??= {}) as { conditions?: Record<string, unknown>[] };
  const conditions = status.conditions ?? [];
  const previous = conditions.find((c) => c.type === 'PodScheduled');
  const condition = {
    lastProbeTime: null,
    lastTransitionTime: previous?.status === 'True' ? previous.lastTransitionTime : now,
    ...(pod.metadata?.generation !== undefined ? { observedGeneration: pod.metadata.generation } : {}),
    status: 'True',
    type: 'PodScheduled',
  };
  status.conditions = previous ? conditions.map((c) => (c === previous ? condition : c)) : [...conditions, condition];
}

function scaleOf(obj: KubeObject): KubeObject {
  const spec = obj.spec as { replicas?: number; selector?: { matchLabels?: Record<string, string> } } | undefined;
  const status = obj.status as { replicas?: number } | undefined;
  const selector = Object.entries(spec?.selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: obj.metadata!.name!,
      namespace: obj.metadata!.namespace!,
      uid: obj.metadata!.uid!,
      resourceVersion: obj.metadata!.resourceVersion!,
      creationTimestamp: obj.metadata!.creationTimestamp ?? null,
    },
    spec: { replicas: spec?.replicas ?? 0 },
    status: { replicas: status?.replicas ?? 0, selector },
  };
}

function sameContent(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } });
  return stableStringify(strip(a)) === stableStringify(strip(b));
}

/** The size of a body as the client sent it: compact JSON, which kubectl sends (a patch may already be text). */
function bodyBytes(body: unknown): number {
  return typeof body === 'string' ? body.length : (JSON.stringify(body)?.length ?? 0);
}
