/**
 * What the API server knows about one kind: its place in discovery, how it is defaulted and
 * validated (the registry "strategy" of the real apiserver), and how it renders as Table rows.
 * One file per kind under `resources/`.
 */
import type { SeededRandom } from '../clock/seeded-random.ts';
import type { ApiResource, KubeObject, TableColumnDefinition } from './client.ts';
import type { FieldError } from './field-error.ts';
import type { ScalePaths } from './scale-subresource.ts';

/** Read access to stored objects, for validation that depends on other objects (port clashes). */
export interface StoreReader {
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(resource: string, namespace?: string): KubeObject[];
}

export interface ServerContext {
  nowMs: number;
  random: SeededRandom;
  store: StoreReader;
  /** Allocates the next free ClusterIP from the service CIDR (10.96.0.0/12). */
  allocateClusterIP(): string;
  /** Allocates a free NodePort in 30000-32767 (random, as the real allocator). */
  allocateNodePort(): number;
}

export interface TableContext {
  nowMs: number;
}

export interface ResourceDefinition {
  info: ApiResource;
  /** The Go type name used in decode errors, e.g. `Pod` ("Pod in version \"v1\" cannot be handled as a Pod"). */
  goKind?: string;
  /** Defaults applied on create and update (SetDefaults_*), mutating the object. */
  applyDefaults?(obj: KubeObject, ctx: ServerContext): void;
  /** Admission-like mutations applied only on create (service account volume, tolerations, IPs). */
  admitCreate?(obj: KubeObject, ctx: ServerContext): void;
  validateCreate?(obj: KubeObject, ctx: ServerContext): FieldError[];
  /** The uid is assigned before admitCreate (PrepareForCreate reads it: Job's generated selector). */
  uidBeforeAdmission?: boolean;
  /**
   * A uid derived from the object instead of the seeded sequence, for objects controllers create
   * in every namespace (ServiceAccount `default`): adding them must not shift the names every
   * later object draws (issue 13).
   */
  stableUid?(obj: KubeObject): string;
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: ServerContext): FieldError[];
  /**
   * Carries over what an update of the main resource may not change (status, allocated fields
   * such as clusterIP), mirroring PrepareForUpdate.
   */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx?: ServerContext): void;
  /** Whether a change from `old` to `obj` bumps metadata.generation (spec changes do). */
  hasSpecChange?(obj: KubeObject, old: KubeObject): boolean;
  /** Columns for `kubectl get` (server-side printing, pkg/printers/internalversion). */
  tableColumns?: TableColumnDefinition[];
  tableRow?(obj: KubeObject, ctx: TableContext): (string | number | boolean)[];
  /** Field selectors supported besides metadata.name / metadata.namespace. */
  fieldsForSelector?(obj: KubeObject): Record<string, string>;
  /**
   * Fields of fieldsForSelector the store keeps an index on, so a list selecting one by equality
   * reads only the matching objects (the cacher's IndexerFuncs: pods by spec.nodeName).
   */
  indexedFields?: readonly string[];
  /** The API lifecycle of a deprecated kind (APILifecycleDeprecated / APILifecycleReplacement). */
  deprecation?: ApiDeprecation;
  /**
   * Subresources served by their own update strategy over the same object (pods/resize): get
   * returns the object, update and patch go through this strategy instead of the main one.
   */
  subresourceStrategies?: Record<string, UpdateStrategy>;
  /**
   * When set, only these subresources are served, and without `status` the main resource writes
   * status too: a custom resource, whose CRD declares them.
   */
  declaredSubresources?: readonly string[];
  /** Where a custom resource's scale subresource reads and writes (the workloads' own fields otherwise). */
  scalePaths?: ScalePaths;
  /** The OpenAPI definitions the server publishes for a run-time kind (a custom resource's schema), by name. */
  openApiDefinitions?: Readonly<Record<string, Record<string, unknown>>>;
  /** Drops the fields the kind's schema does not declare and names them (a custom resource's pruning). */
  pruneUnknownFields?(obj: KubeObject): string[];
}

/** A registry update strategy: what the request may change, then what is valid. */
export interface UpdateStrategy {
  prepareForUpdate(obj: KubeObject, old: KubeObject): void;
  validateUpdate(obj: KubeObject, old: KubeObject): FieldError[];
}

export interface ApiDeprecation {
  /** The release the kind was deprecated in, e.g. [1, 33]. */
  since: readonly [number, number];
  replacement?: { apiVersion: string; kind: string };
}
