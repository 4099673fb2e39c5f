/**
 * The port through which the kubelet runs shell tools inside a container (`sh -c '…'`, `sleep`,
 * `wget`, `cat`, `env`). The engine knows nothing of shells: the session layer implements this with
 * the same interpreter the learner's terminal uses, restricted to the tools the image ships.
 */
import type { FileSystem } from '../../lib/file-system.ts';
import type { Interruptible } from '../clock/virtual-clock.ts';

export interface HttpResult {
  /** Set when a connection was made. */
  status?: number;
  body?: string;
  contentType?: string;
  /** Set when it was not: wording is the caller's (wget and curl word these differently). */
  error?: 'connection-refused' | 'timeout' | 'unknown-host' | 'no-route' | 'empty-reply';
  /** The address that was dialled, for error messages (`10.96.0.100:8080`). */
  address?: string;
}

export interface OutgoingRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface DnsPort {
  name?: string;
  protocol: string;
  port: number;
}

export interface DnsService {
  clusterIP: string;
  /** An ExternalName Service's target, which the cluster DNS serves as a CNAME. */
  externalName?: string;
  ports: DnsPort[];
  /** Ready addresses, each with its subset's ports (target ports, as the Endpoints object lists them). */
  endpoints: { ip: string; hostname?: string; ports: DnsPort[] }[];
}

export interface ContainerNetwork {
  /** An HTTP GET from inside the pod to `url` (service name, cluster IP, pod IP or node:nodePort). */
  httpGet(url: string, options: { timeoutMs: number }): Promise<HttpResult>;
  /** Any HTTP request (POST/PUT with a body: filebeat shipping to Elasticsearch). */
  request(request: OutgoingRequest): Promise<HttpResult>;
  /** DNS as the pod sees it (search path `<ns>.svc.cluster.local svc.cluster.local cluster.local`). */
  resolve(name: string): { name: string; address: string } | undefined;
  /** The cluster DNS's PTR answer for an address (a Service's cluster IP or an endpoint's IP), without the final dot. */
  reverse(address: string): string | undefined;
  /** What the cluster DNS knows of a Service: its cluster IP ('None' when headless), ports and ready endpoints. */
  dnsService(namespace: string, name: string): DnsService | undefined;
  /** The serial of the cluster DNS zone's SOA: when (epoch seconds) the Services it serves last changed. */
  zoneSerial(): number;
  /** A TCP connect (`nc -z`): whether something listens at host:port as seen from here. */
  connect(host: string, port: number): { result: 'open' | 'refused' | 'unknown-host'; address?: string };
}

export interface ProcessIO {
  /** argv[0] is the program as invoked (`sh`, `/bin/sleep`). */
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  fs: FileSystem;
  stdin: string;
  /** True for a process a client waits on (`kubectl exec`), not one the container runs by itself. */
  attached?: boolean;
  /** True when the exec allocated a TTY (`kubectl exec -it`): the container's stdin and stdout are its terminal. */
  tty?: boolean;
  /**
   * Stdin typed at the user's terminal (`kubectl exec -i`, with or without `-t`): the next line
   * after `prompt`, null at end of input, or null as soon as `cancel` fires (Ctrl-C while the
   * program waits for its line).
   */
  readLine?(prompt: string, cancel?: Interruptible): Promise<string | null>;
  /** With a TTY: each Ctrl-C typed, SIGINT for the foreground process (not the end of the exec). */
  ctrlC?: { onInterrupt(listener: () => void): () => void };
  stdout(text: string): void;
  stderr(text: string): void;
  now(): number;
  /** Virtual-time sleep; rejects with InterruptedError when the process is killed or `interrupt` fires. */
  sleep(ms: number, interrupt?: Interruptible): Promise<void>;
  /** Fires when the container is stopped or the exec caller presses Ctrl-C. */
  kill: { readonly interrupted: boolean; onInterrupt(listener: () => void): () => void };
  network: ContainerNetwork;
  hostname: string;
  /** Binaries present in the image (`sh`, `sleep`, `wget`…); anything else is "not found". */
  binaries: readonly string[];
  /** Whose tools those binaries are (the image's base): it decides how they word their errors. */
  userland: 'gnu' | 'busybox';
}

export interface ToolRunner {
  /** A fresh empty filesystem for a container's root (the kubelet fills it from the image). */
  newFileSystem(): FileSystem;
  /** Runs argv[0] (one of io.binaries) to completion; resolves to its exit code. */
  run(io: ProcessIO): Promise<number>;
}
