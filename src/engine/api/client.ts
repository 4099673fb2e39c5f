/**
 * The one door into the simulated cluster. Requests are shaped like the Kubernetes REST API
 * (`/apis/<group>/<version>/namespaces/<ns>/<resource>/<name>/<subresource>`); answers are
 * objects or `Status` errors. kubectl, the lab grader and (later) an HTTP adapter are clients of
 * this interface; none of them reaches into the store.
 */

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export type PatchType =
  | 'application/merge-patch+json'
  | 'application/strategic-merge-patch+json'
  | 'application/json-patch+json'
  /** Server-side apply: the body is the applied configuration (PatchOptions need a fieldManager). */
  | 'application/apply-patch+yaml';

export interface RequestQuery {
  labelSelector?: string;
  fieldSelector?: string;
  /** For watch: deliver changes after this resourceVersion ("0" or absent = current state first). */
  resourceVersion?: string;
  /** `All` = validate and default but do not persist (kubectl --dry-run=server). */
  dryRun?: 'All';
  /** Server-side field validation, as kubectl sends it (`Strict` by default). */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  /** Ask for a `meta.k8s.io/v1 Table` rendering of the result (what `kubectl get` prints). */
  as?: 'Table';
  /** Include priority>0 (wide) columns in the Table. */
  includeWideColumns?: boolean;
  /** What a Table row carries as its object (TableOptions.includeObject; `Metadata` when absent). */
  includeObject?: 'None' | 'Metadata' | 'Object';
  /** For list: at most this many items per answer; the list's `metadata.continue` asks for the next. */
  limit?: number;
  /** For list: the `metadata.continue` token of the previous page. */
  continue?: string;
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  /** The field manager (kubectl sets `kubectl-client-side-apply`, `kubectl-edit`…). */
  fieldManager?: string;
  /** Server-side apply: take fields other managers own instead of failing with a conflict. */
  force?: boolean;
  /** For pods/log (PodLogOptions). */
  container?: string;
  previous?: boolean;
  tailLines?: number;
  timestamps?: boolean;
  sinceSeconds?: number;
  /** RFC3339. */
  sinceTime?: string;
  limitBytes?: number;
  /** For pods/exec (PodExecOptions): the argv, one `command` parameter per word. */
  command?: string[];
  /** For pods/exec and pods/attach: which streams the client opens. */
  stdin?: boolean;
  stdout?: boolean;
  stderr?: boolean;
  tty?: boolean;
  /** For pods/portforward (PodPortForwardOptions): the pod's ports to reach. */
  ports?: number[];
}

export interface ApiRequest {
  verb: Verb;
  /** '' for the core group. */
  group: string;
  version: string;
  /** Plural lower-case resource name, e.g. `deployments`. */
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  body?: unknown;
  patchType?: PatchType;
  query?: RequestQuery;
  /**
   * The client's ends of a streaming subresource: `pods/exec` and `pods/attach` take ExecStreams
   * and answer ExecResult once the process ends; `pods/portforward` takes one forwarded
   * connection and answers what the pod's port sent back. Never copied: it carries callbacks.
   */
  streams?: ExecStreams | ForwardedConnection;
}

/** metav1.Status, as returned for every failed request. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: StatusReason;
  details?: StatusDetails;
  code: number;
}

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Invalid'
  | 'Conflict'
  | 'BadRequest'
  | 'Forbidden'
  | 'Unauthorized'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'UnsupportedMediaType'
  | 'RequestEntityTooLarge'
  | 'InternalError'
  | 'Gone'
  | 'TooManyRequests'
  | '';

export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export type ApiResponse<T = KubeObject> = { ok: true; code: number; body: T; warnings?: string[] } | { ok: false; code: number; body: Status; warnings?: string[] };

/** The minimum every Kubernetes object has; concrete shapes come from `kubernetes-types`. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [key: string]: unknown;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string | null;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: unknown[];
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface KubeList<T = KubeObject> {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion: string };
  items: T[];
}

/** meta.k8s.io/v1 Table: the server-side rendering `kubectl get` lays out. */
export interface Table {
  apiVersion: 'meta.k8s.io/v1';
  kind: 'Table';
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

export interface TableColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  /** 0 = default columns, 1 = only with `-o wide`. */
  priority: number;
}

export interface TableRow {
  cells: (string | number | boolean)[];
  object: KubeObject;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent<T = KubeObject> {
  type: WatchEventType;
  object: T;
}

/** One entry of discovery (`/api/v1`, `/apis/apps/v1`): what kubectl's RESTMapper is built from. */
export interface ApiResource {
  group: string;
  version: string;
  /** Plural, e.g. `deployments`. */
  name: string;
  singularName: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  verbs: Verb[];
  categories: string[];
  /** e.g. ['status', 'scale', 'log', 'exec']. */
  subresources: string[];
}

/**
 * The server's build (`GET /version`, apimachinery's version.Info). Empty emulation and
 * compatibility fields are omitted, as the server omits them.
 */
export interface VersionInfo {
  major: string;
  minor: string;
  emulationMajor?: string;
  emulationMinor?: string;
  minCompatibilityMajor?: string;
  minCompatibilityMinor?: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

/**
 * How a client rejects when the server cannot be reached at all (refused, unknown host, TLS
 * failure, a kubeconfig that names no usable cluster): no Status to show. `message` is the line
 * kubectl prints for it, e.g. `The connection to the server 127.0.0.1:6443 was refused - did you
 * specify the right host or port?`. Only remote clients raise it; the contract is the `name`, so
 * layers that may import this file only for types can recognise it.
 */
export interface ApiConnectionError extends Error {
  name: 'ApiConnectionError';
}

export interface WatchHandle {
  stop(): void;
}

/** Output of a command run inside a container (pods/exec). */
export interface ExecStreams {
  stdin?: string;
  onStdout(chunk: string): void;
  onStderr(chunk: string): void;
  /** Resolves when the caller interrupts (Ctrl-C); the process is then killed. */
  interrupted?: Promise<void>;
  /**
   * Stdin from the user's terminal (`-i` at a terminal): the next line typed after `prompt`, or null
   * at end of input. With a TTY an interactive shell prompts through it; without one the terminal
   * stays cooked and hands over each line as typed, so programs read it with an empty prompt.
   */
  readLine?(prompt: string, cancel?: { onInterrupt(listener: () => void): () => void }): Promise<string | null>;
  /**
   * With a TTY: each Ctrl-C the user types. The container's terminal turns it into SIGINT for its
   * foreground process, so the exec session itself goes on.
   */
  ctrlC?: { onInterrupt(listener: () => void): () => void };
  /**
   * With a TTY on a real terminal (`cka-lab kubectl exec -it` against a remote server): the raw
   * keystrokes, sent as typed since the container's terminal echoes them, and the terminal's size.
   * A client given this ignores `readLine` and `ctrlC`; the in-process cluster never receives it.
   */
  rawTerminal?: RawTerminal;
}

/** A host terminal in raw mode, as `kubectl exec -it` forwards it. */
export interface RawTerminal {
  onData(listener: (data: string) => void): () => void;
  size(): { columns: number; rows: number };
  onResize(listener: () => void): () => void;
}

export interface ExecResult {
  exitCode: number;
}

/**
 * One connection `kubectl port-forward` accepted on its local port, carried to the pod's port
 * through pods/portforward. The simulated network speaks HTTP, so a connection is one exchange.
 */
export interface ForwardedConnection {
  request: ForwardedHttpRequest;
}

export interface ForwardedHttpRequest {
  method: string;
  /** Path with query, e.g. `/healthz?x=1`. */
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface ForwardedHttpResponse {
  status: number;
  body: string;
  contentType?: string;
}

/** A request to a path as it is (client-go's RESTClient AbsPath, what `kubectl get --raw` sends). */
export interface RawRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path with query, e.g. `/api/v1/namespaces/default/pods?limit=1`. */
  path: string;
  /** A JSON or YAML body, for POST and PUT. */
  body?: string;
  /** The client's User-Agent: a write's default field manager is its first word. */
  userAgent?: string;
  /**
   * For a watch path (`?watch=true`): each event line goes to `write` as the server sends it, until
   * the promise `until()` returns settles or the server ends the stream; the answer's body is then
   * empty. `until` is called only when a stream starts. Without it a watch answers its current
   * objects as ADDED events and ends.
   */
  stream?: RawStream;
}

export interface RawStream {
  write(text: string): void;
  until(): Promise<void>;
}

/** The status code and body the server wrote, untouched. */
export interface RawResponse {
  code: number;
  body: string;
}

/**
 * Every member may reject with ApiConnectionError when the server cannot be reached; `watch`
 * reports that as an ERROR event carrying a Status instead.
 */
export interface ApiClient {
  /**
   * Every request, streaming subresources included: `create pods/exec` (query `command`,
   * `container`, `stdin`, `stdout`, `stderr`, `tty`) and `create pods/attach` resolve with
   * ExecResult when the process or session ends; `create pods/portforward` (query `ports`) with
   * a ForwardedHttpResponse. Errors come back as Status.
   */
  request<T = KubeObject>(req: ApiRequest): Promise<ApiResponse<T>>;
  /** Streams changes; `onEvent` receives ADDED for existing objects first when no resourceVersion is given. */
  watch(req: ApiRequest, onEvent: (event: WatchEvent) => void): WatchHandle;
  discover(): Promise<ApiResource[]>;
  /**
   * GET /openapi/v3/<group-version> (`api/v1`, `apis/apps/v1`): the OpenAPI v3 document kubectl
   * explain reads; a 404 Status for a group-version not served. Optional: a client without it has
   * no documents to offer.
   */
  openApiV3?(groupVersionPath: string): Promise<ApiResponse<Record<string, unknown>>>;
  /**
   * GET /version: the server's build. A member of its own rather than a generic non-resource
   * request, because /version is the only path outside the resource tree kubectl reads.
   */
  serverVersion(): Promise<ApiResponse<VersionInfo>>;
  /**
   * Any path the API server serves (resources, discovery, `/version`, `/healthz`, OpenAPI): its
   * status code and body as written. Optional: a client without it cannot send raw requests.
   */
  raw?(req: RawRequest): Promise<RawResponse>;
}
