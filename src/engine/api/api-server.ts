/**
 * The simulated kube-apiserver: routes REST-shaped requests to the store through each kind's
 * ResourceDefinition (decode -> default -> admit -> validate -> persist), serves watches, and
 * answers with objects or Status errors. Synchronous: controllers call it directly; external
 * clients go through InProcessApiClient, which makes it look asynchronous like HTTP.
 */
import type { SeededRandom } from '../clock/seeded-random.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import { ObjectStore } from '../store/object-store.ts';
import { deepCopy, sameContent } from '../store/deep-copy.ts';
import { deprecationWarning } from './deprecation-warning.ts';
import type { ApiRequest, ApiResource, ApiResponse, KubeList, KubeObject, ObjectMeta, WatchEvent, WatchHandle } from './client.ts';
import type { FieldError } from './field-error.ts';
import { required } from './field-error.ts';
import type { ResourceDefinition, ServerContext, UpdateStrategy } from './resource-definition.ts';
import * as statusOf from './status.ts';
import { failure, success } from './status.ts';
import { formatTimestamp } from './timestamps.ts';
import type { ServerLibraries } from './server-libraries.ts';
import { ClusterIpAllocator, NodePortAllocator } from './ip-allocators.ts';
import { apiVersionOf, resourceKey } from './resource-key.ts';
import { ReadHooks } from './read-hooks.ts';
import { decodeRequestBody, refuseOversizedBody } from './request-body-decoder.ts';
import { fieldIndexName, getObject, listObjects, type ReadContext, watchObjects } from './read-verbs.ts';
import { deleteObject, finishDeletionIfReady } from './graceful-deletion.ts';
import { generateUid, generateUniqueName } from './object-identity.ts';
import { ServedResources } from './served-resources.ts';
import { bindPod } from './pod-binding.ts';
import { evictPod } from './pod-eviction.ts';
import { serveScale } from './scale-subresource.ts';
import { refuseContentIn } from './namespace-lifecycle.ts';
import { trackUpdate, type WriteTarget } from './field-manager/field-manager.ts';
import { serveApply } from './server-side-apply.ts';
import { managerOf } from './field-manager/default-manager.ts';
import { patchOptionsError } from './field-manager/patch-options.ts';
import type { AdmissionPlugin } from './admission/admission-plugin.ts';
import { AdmissionChain } from './admission/admission-chain.ts';
import { defaultAdmissionPlugins } from './admission/index.ts';

export type SubresourceHandler = (req: ApiRequest, server: ApiServer) => ApiResponse<unknown>;

/** Whose fields a write records: an Update by the request's manager, or managedFields apply already set. */
type FieldTracking = { kind: 'update'; subresource?: string } | { kind: 'applied' };

export interface ApiServerOptions {
  clock: VirtualClock;
  random: SeededRandom;
  definitions: ResourceDefinition[];
  libraries: ServerLibraries;
  /** The admission chain; kube-apiserver's default plugins when absent. */
  admission?: AdmissionPlugin[];
}

export class ApiServer {
  readonly store = new ObjectStore();
  readonly #clock: VirtualClock;
  readonly #random: SeededRandom;
  readonly #libs: ServerLibraries;
  readonly #served: ServedResources;
  readonly #subresourceHandlers = new Map<string, SubresourceHandler>();
  readonly #readHooks = new ReadHooks();
  readonly #clusterIps: ClusterIpAllocator;
  readonly #nodePorts: NodePortAllocator;
  readonly #admission: AdmissionChain;
  readonly #reads: ReadContext;

  constructor(options: ApiServerOptions) {
    this.#admission = new AdmissionChain(options.admission ?? defaultAdmissionPlugins(), (group, resource, target) => {
      const meta = target.metadata!;
      const version = this.definitionFor(group, resource)!.info.version;
      this.handle({ verb: 'update', group, version, resource, namespace: meta.namespace!, name: meta.name!, subresource: 'status', body: target });
    });
    this.#clock = options.clock;
    this.#random = options.random;
    this.#libs = options.libraries;
    this.#served = new ServedResources(options.definitions);
    for (const def of options.definitions) {
      const key = resourceKey(def.info.group, def.info.name);
      for (const field of def.indexedFields ?? []) this.store.addIndex(key, fieldIndexName(field), (obj) => def.fieldsForSelector!(obj)[field]);
    }
    this.#reads = { store: this.store, libs: this.#libs, nowMs: () => this.#clock.now() };
    this.#clusterIps = new ClusterIpAllocator(this.store);
    this.#nodePorts = new NodePortAllocator(this.store, options.random);
  }

  /** Discovery: every served resource, as `kubectl api-resources` lists them. */
  discovery(): ApiResource[] {
    return this.#served.discovery();
  }

  /** The resourceVersion the server is at: what a list reports in its metadata. */
  resourceVersion(): string {
    return String(this.store.revision());
  }

  /**
   * Starts serving a kind defined at run time (a CustomResourceDefinition's resource); a
   * definition already served under the same group and resource is replaced.
   */
  serveDefinition(def: ResourceDefinition): void {
    this.#served.serve(def);
  }

  /** The OpenAPI definitions of the run-time kinds, published beside the generated ones. */
  openApiDefinitions(): Record<string, Record<string, unknown>> {
    return this.#served.openApiDefinitions();
  }

  /** Stops serving a run-time kind; its stored objects must be gone first. */
  stopServing(group: string, resource: string): void {
    this.#served.stop(group, resource);
  }

  definitionFor(group: string, resource: string): ResourceDefinition | undefined {
    return this.#served.byResource(group, resource);
  }

  definitionForKind(apiVersion: string, kind: string): ResourceDefinition | undefined {
    return this.#served.byKind(apiVersion, kind);
  }

  /** Lets the kubelet serve pods/log, pods/exec and the like. */
  registerSubresource(resource: string, subresource: string, handler: SubresourceHandler): void {
    this.#subresourceHandlers.set(`${resource}/${subresource}`, handler);
  }

  /**
   * Runs `hook` before every get, list or watch of the resource: a writer that updates on a
   * period (the kubelets' node leases) catches up to the clock when someone looks, instead of
   * waking every period while the clock is fast-forwarded.
   */
  beforeRead(group: string, resource: string, hook: () => void): void {
    this.#readHooks.add(resourceKey(group, resource), hook);
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

  handle(req: ApiRequest): ApiResponse<unknown> {
    const def = this.definitionFor(req.group, req.resource);
    if (!def || def.info.version !== req.version) {
      return failure(statusOf.resourceNotFound());
    }
    const oversized = refuseOversizedBody(req);
    if (oversized) return oversized;
    // The body's media type is decoded before the object is looked up.
    const isApply = req.verb === 'patch' && req.patchType === 'application/apply-patch+yaml';
    if (isApply && req.subresource && req.subresource !== 'status') return failure(statusOf.unsupportedMediaType(statusOf.SIMULATED_PATCH_TYPES));
    const optionsError = req.verb === 'patch' ? patchOptionsError(req) : undefined;
    if (optionsError) return failure(optionsError);
    if (isApply)
      return serveApply(req, def, this.store, this.#writeTarget(def, req.subresource), {
        create: (createReq, namespace) => this.#create(createReq, def, namespace, { kind: 'applied' }),
        update: (namespace, obj, isStatus) => this.#update(req, def, namespace, obj, isStatus, undefined, { kind: 'applied' }),
      });
    if (req.subresource && def.declaredSubresources && !def.declaredSubresources.includes(req.subresource)) return failure(statusOf.resourceNotFound());
    if (req.subresource) {
      const handler = this.#subresourceHandlers.get(`${req.resource}/${req.subresource}`);
      if (handler) return handler(req, this);
      if (req.subresource === 'status') return this.#handleWritableSubresource(req, def, true);
      if (req.subresource === 'scale') return this.#handleScale(req, def);
      if (req.subresource === 'binding' && req.resource === 'pods' && req.verb === 'create') return bindPod(this.store, req, formatTimestamp(this.#clock.now()));
      if (req.subresource === 'eviction' && req.resource === 'pods' && req.verb === 'create') return evictPod(req, this, formatTimestamp(this.#clock.now()));
      const strategy = def.subresourceStrategies?.[req.subresource];
      if (strategy) return this.#handleWritableSubresource(req, def, false, strategy);
      // No route serves an unknown subresource: a bare 404.
      return failure(statusOf.resourceNotFound());
    }
    if (req.verb === 'get' || req.verb === 'list') this.#readHooks.run(resourceKey(req.group, req.resource));
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
        return getObject(this.#reads, req, def, namespace);
      case 'list':
        return listObjects(this.#reads, req, def, namespace);
      case 'create':
        return this.#create(req, def, namespace);
      case 'update':
        return this.#update(req, def, namespace, req.body, false);
      case 'patch':
        return this.#patch(req, def, namespace, false);
      case 'delete':
        return deleteObject(req, def, namespace, this.store, this.#clock.now(), () => this.#storeKeys());
      case 'deletecollection':
        return this.#deleteCollection(req, def, namespace);
      case 'watch':
        return failure(statusOf.methodNotAllowed('watch is served through ApiServer.watch'));
    }
  }

  /** Streams changes of one resource (optionally one namespace / selector) to `onEvent`. */
  watch(req: ApiRequest, onEvent: (event: WatchEvent) => void): WatchHandle {
    this.#readHooks.run(resourceKey(req.group, req.resource));
    return watchObjects(this.#reads, req, this.definitionFor(req.group, req.resource), onEvent);
  }

  #create(req: ApiRequest, def: ResourceDefinition, namespace: string | undefined, tracking: FieldTracking = { kind: 'update' }): ApiResponse<unknown> {
    const decoded = decodeRequestBody(req, def, this.#libs);
    if (!decoded.ok) return decoded.response;
    const obj = decoded.obj;
    const meta: ObjectMeta = (obj.metadata ??= {});
    if (def.info.namespaced) {
      if (meta.namespace && meta.namespace !== namespace) {
        return failure(statusOf.badRequest('the namespace of the provided object does not match the namespace sent on the request'));
      }
      meta.namespace = namespace!;
      const refusal = refuseContentIn(this.store, req, namespace!, meta.name ?? meta.generateName ?? '');
      if (refusal) return failure(refusal);
    } else {
      delete meta.namespace;
    }
    const key = resourceKey(req.group, req.resource);
    if (!meta.name && meta.generateName) meta.name = generateUniqueName(this.#random, meta.generateName, (name) => this.store.get(key, namespace, name) !== undefined);
    const ctx = this.context();
    def.applyDefaults?.(obj, ctx);
    if (tracking.kind === 'update') trackUpdate(undefined, obj, managerOf(req), this.#writeTarget(def));
    const kind = def.info.kind;
    const nameErrors: FieldError[] = meta.name ? [] : [required('metadata.name', 'name or generateName is required')];
    if (meta.name && this.store.get(key, namespace, meta.name)) {
      return failure(statusOf.alreadyExists(req.group, req.resource, meta.name), decoded.warnings);
    }
    // FillObjectMetaSystemFields runs before PrepareForCreate, so a kind whose strategy reads the
    // uid (Job's generated selector) gets it first; other kinds draw it after validation, which
    // keeps the seeded sequence their names come from.
    if (def.uidBeforeAdmission) meta.uid = generateUid(this.#random);
    // Mutating admission runs before validation, as in the real request chain.
    const admission = this.#admission.attributes(req, namespace, obj, ctx);
    const refusal = this.#admission.run('admit', admission) ?? (def.admitCreate?.(obj, ctx), undefined);
    if (refusal) return failure(statusOf.forbidden(req.group, req.resource, meta.name ?? '', refusal), decoded.warnings);
    const errors = [...nameErrors, ...(def.validateCreate?.(obj, ctx) ?? [])];
    if (errors.length > 0) return failure(statusOf.invalid(req.group, kind, meta.name ?? '', errors), decoded.warnings);
    const denial = this.#admission.run('validate', admission);
    if (denial) return failure(statusOf.forbidden(req.group, req.resource, meta.name ?? '', denial), decoded.warnings);
    if (!def.uidBeforeAdmission) meta.uid = def.stableUid?.(obj) ?? generateUid(this.#random);
    meta.creationTimestamp = formatTimestamp(this.#clock.now());
    if (def.hasSpecChange) meta.generation = 1;
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    obj.apiVersion = apiVersionOf(def);
    obj.kind = kind;
    if (req.query?.dryRun === 'All') return success(201, obj, decoded.warnings);
    return success(201, this.store.put(key, obj), decoded.warnings);
  }

  #update(
    req: ApiRequest,
    def: ResourceDefinition,
    namespace: string | undefined,
    body: unknown,
    isStatus: boolean,
    strategy?: UpdateStrategy,
    tracking: FieldTracking = { kind: 'update', ...(isStatus ? { subresource: 'status' } : strategy && req.subresource ? { subresource: req.subresource } : {}) },
  ): ApiResponse<unknown> {
    const key = resourceKey(req.group, req.resource);
    const old = this.store.get(key, namespace, req.name ?? '');
    if (!old) return failure(statusOf.notFound(req.group, req.resource, req.name ?? ''));
    // A status write keeps only the decoded status, so the stored parts it resends need no decoding.
    const decoded = decodeRequestBody({ ...req, body }, def, this.#libs, isStatus);
    if (!decoded.ok) return decoded.response;
    let obj = decoded.obj;
    const warnings = decoded.warnings;
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
      // Shares the stored (frozen) spec; only metadata and status are new.
      const merged: KubeObject = { ...old, metadata: { ...old.metadata } };
      merged.status = obj.status;
      if (tracking.kind === 'applied') {
        if (obj.metadata?.managedFields) merged.metadata!.managedFields = obj.metadata.managedFields;
        else delete merged.metadata!.managedFields;
      }
      obj = merged;
      if (tracking.kind === 'update') trackUpdate(old, obj, managerOf(req), this.#writeTarget(def, tracking.subresource));
    } else {
      const ctx = this.context();
      def.applyDefaults?.(obj, ctx);
      // A custom resource without a status subresource writes status with the rest.
      const writesStatus = def.declaredSubresources !== undefined && !def.declaredSubresources.includes('status');
      if (!writesStatus && 'status' in old) obj.status = deepCopy(old.status);
      else if (!writesStatus) delete obj.status;
      if (tracking.kind === 'update') trackUpdate(old, obj, managerOf(req), this.#writeTarget(def, tracking.subresource));
      if (strategy) strategy.prepareForUpdate(obj, old);
      else def.prepareForUpdate?.(obj, old, ctx);
      const errors = (strategy ? strategy.validateUpdate(obj, old) : def.validateUpdate?.(obj, old, ctx)) ?? [];
      if (errors.length > 0) return failure(statusOf.invalid(req.group, def.info.kind, req.name ?? '', errors), warnings);
      if (def.hasSpecChange?.(obj, old)) obj.metadata!.generation = (old.metadata!.generation ?? 0) + 1;
    }
    if (sameContent(obj, old)) return success(200, old, warnings);
    if (req.query?.dryRun === 'All') return success(200, obj, warnings);
    const stored = this.store.put(key, obj);
    finishDeletionIfReady(this.store, key, stored);
    return success(200, stored, warnings);
  }

  #patch(req: ApiRequest, def: ResourceDefinition, namespace: string | undefined, isStatus: boolean, strategy?: UpdateStrategy): ApiResponse<unknown> {
    const key = resourceKey(req.group, req.resource);
    const current = this.store.get(key, namespace, req.name ?? '');
    if (!current) return failure(statusOf.notFound(req.group, req.resource, req.name ?? ''));
    const patched = this.#libs.applyPatch(current, req.body, req.patchType ?? 'application/strategic-merge-patch+json', def);
    if (!patched.ok) return failure(patched.status);
    const result = patched.value as KubeObject;
    // A patch never conflicts on resourceVersion unless it names one explicitly. The patched
    // object may share parts with the stored one, which are frozen: changed on a copy.
    const patchMeta = (req.body as KubeObject | undefined)?.metadata;
    const withVersion =
      result.metadata && !patchMeta?.resourceVersion ? { ...result, metadata: { ...result.metadata, resourceVersion: current.metadata?.resourceVersion! } } : result;
    return this.#update(req, def, namespace, withVersion, isStatus, strategy);
  }

  #writeTarget(def: ResourceDefinition, subresource?: string): WriteTarget {
    return { group: def.info.group, version: def.info.version, kind: def.info.kind, ...(subresource ? { subresource } : {}), now: formatTimestamp(this.#clock.now()) };
  }

  #deleteCollection(req: ApiRequest, def: ResourceDefinition, namespace: string | undefined): ApiResponse<unknown> {
    const listed = listObjects(this.#reads, { ...req, verb: 'list', query: { ...req.query, as: undefined as never } }, def, namespace);
    if (!listed.ok) return listed;
    const items = (listed.body as KubeList).items;
    for (const item of items) {
      const itemNamespace = item.metadata?.namespace;
      const itemReq: ApiRequest = { ...req, verb: 'delete', name: item.metadata!.name!, ...(itemNamespace ? { namespace: itemNamespace } : {}) };
      deleteObject(itemReq, def, itemNamespace, this.store, this.#clock.now(), () => this.#storeKeys());
    }
    return listed;
  }

  #storeKeys(): string[] {
    return this.#served.all().map((def) => resourceKey(def.info.group, def.info.name));
  }

  /** `status`, or a subresource with a strategy of its own (a pod's `resize`): get, update and patch. */
  #handleWritableSubresource(req: ApiRequest, def: ResourceDefinition, isStatus: boolean, strategy?: UpdateStrategy): ApiResponse<unknown> {
    const namespace = def.info.namespaced ? req.namespace : undefined;
    if (req.verb === 'get') return getObject(this.#reads, req, def, namespace);
    if (req.verb === 'update') return this.#update(req, def, namespace, req.body, isStatus, strategy);
    if (req.verb === 'patch') return this.#patch(req, def, namespace, isStatus, strategy);
    return failure(statusOf.methodNotAllowed('the server does not allow this method on the requested resource'));
  }

  #handleScale(req: ApiRequest, def: ResourceDefinition): ApiResponse<unknown> {
    const namespace = def.info.namespaced ? req.namespace : undefined;
    const obj = this.store.get(resourceKey(req.group, req.resource), namespace, req.name ?? '');
    if (!obj) return failure(statusOf.notFound(req.group, req.resource, req.name ?? ''));
    return serveScale(
      req,
      obj,
      this.#libs,
      (workload) => this.#update({ ...req, subresource: undefined as never }, def, namespace, workload, false, undefined, { kind: 'update', subresource: 'scale' }),
      def.scalePaths,
    );
  }

  #storeGet(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const def = this.#served.byResourceName(resource);
    return def ? this.store.get(resourceKey(def.info.group, resource), namespace, name) : undefined;
  }

  #storeList(resource: string, namespace?: string): KubeObject[] {
    const def = this.#served.byResourceName(resource);
    return def ? this.store.list(resourceKey(def.info.group, resource), namespace) : [];
  }
}
