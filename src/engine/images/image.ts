/**
 * What a simulated container image is: its Dockerfile facts (ENTRYPOINT, CMD, ENV, WORKDIR), the
 * files and binaries it ships, and the programs that are not plain shell tools (the app itself).
 */
import type { FileSystem } from '../../lib/file-system.ts';
import type { ContainerNetwork } from '../kubelet/tool-runner.ts';

export interface HttpRequest {
  method: string;
  /** The request target as sent: path and query (`/_cat/indices?v`). */
  path: string;
  /** The path without the query (`/_cat/indices`). */
  pathname: string;
  query: Record<string, string>;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** The address the client connected from. */
  remoteAddress: string;
}

export interface HttpResponse {
  status: number;
  body: string;
  contentType?: string;
}

/** May answer later: a server that asks another service first (Kibana asking Elasticsearch). */
export type HttpHandler = (request: HttpRequest) => HttpResponse | Promise<HttpResponse>;

/** What an app process can do: log, serve, sleep, and notice it is being stopped. */
export interface AppContext {
  argv: string[];
  env: Record<string, string>;
  hostname: string;
  podIP: string;
  fs: FileSystem;
  network: ContainerNetwork;
  now(): number;
  /** Writes a line to the container log (stdout). */
  log(line: string): void;
  /** Writes to stderr (also in the container log). */
  logError(line: string): void;
  sleep(ms: number): Promise<void>;
  /** Listens on a port until the process ends. */
  serve(port: number, handler: HttpHandler): void;
  /** Resolves when the process receives SIGTERM (only for apps that handle it). */
  terminated: Promise<void>;
  /** A seeded random number in [0, 1). */
  random(): number;
}

/** An app binary: resolves to the exit code. */
export type AppProgram = (ctx: AppContext) => Promise<number>;

export interface ImageSpec {
  /** `docker.io/kodekloud/webapp-color`. */
  repository: string;
  tags: readonly string[];
  entrypoint: readonly string[];
  cmd: readonly string[];
  env: Readonly<Record<string, string>>;
  workingDir: string;
  /** Shell tools present in the image (run through the ToolRunner). */
  binaries: readonly string[];
  /**
   * Whose tools those are, from the image's base: busybox applets (busybox, Alpine) or GNU
   * coreutils (Debian, Ubuntu, CentOS). Their error messages differ.
   */
  userland: 'gnu' | 'busybox';
  /** App programs by the name argv[0] is invoked as (`python`, `nginx`). */
  apps?: Readonly<Record<string, AppProgram>>;
  files?: Readonly<Record<string, string>>;
  sizeBytes: number;
  /** Whether PID 1 of this image exits on SIGTERM; if not, it lasts the whole grace period. */
  stopsOnSigterm: boolean;
  /** Per-tag overrides (webapp-color bakes APP_COLOR per tag). */
  tagEnv?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** False for an image built on the lab nodes and in no registry: it runs only if preloaded. */
  pullable?: false;
  /** Tags whose program differs (luksa/kubia v1…v4 each ship their own app.js). */
  tagApps?: Readonly<Record<string, Readonly<Record<string, AppProgram>>>>;
  /** Tags built from an older Dockerfile (nginx before 1.19 had no entrypoint script). */
  tagEntrypoint?: Readonly<Record<string, readonly string[]>>;
  /**
   * The lines the app prints as it starts, stamped from its start time. Its app logs them, and
   * the kubelet serves them for a container the cluster booted Running without running it
   * (kube-system's pods), so `kubectl logs` reads the same either way.
   */
  startupLog?(start: StartupFacts): readonly StartupLine[];
}

export interface StartupFacts {
  startedMs: number;
  /** The node's name and address (the system pods' components run with the host network or report it). */
  nodeName: string;
  nodeIP: string;
  podIP: string;
}

export interface StartupLine {
  atMs: number;
  text: string;
}
