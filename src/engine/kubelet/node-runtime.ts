/**
 * What one node offers its pods: the node's address, its pod IP range, the images it has pulled,
 * container filesystems, the network and the tool runner, and probe execution.
 */
import type { Pod, Probe } from 'kubernetes-types/core/v1';
import type { FileSystem } from '../../lib/file-system.ts';
import type { ImageSpec } from '../images/image.ts';
import type { ClusterNetwork } from '../network/cluster-network.ts';
import { KillSignal, type ContainerProcess } from './container-process.ts';
import type { ToolRunner } from './tool-runner.ts';

export class NodeRuntime {
  readonly nodeName: string;
  readonly nodeIP: string;
  readonly network: ClusterNetwork;
  readonly toolRunner: ToolRunner;
  readonly #podCidrPrefix: string;
  readonly #usedIps = new Set<number>();
  readonly #images = new Set<string>();
  #nextHost = 2;

  constructor(options: { nodeName: string; nodeIP: string; podCidrPrefix: string; network: ClusterNetwork; toolRunner: ToolRunner; preloadedImages?: string[] }) {
    this.nodeName = options.nodeName;
    this.nodeIP = options.nodeIP;
    this.#podCidrPrefix = options.podCidrPrefix;
    this.network = options.network;
    this.toolRunner = options.toolRunner;
    for (const image of options.preloadedImages ?? []) this.#images.add(image);
  }

  allocatePodIP(): string {
    for (let i = 0; i < 253; i++) {
      const host = 2 + ((this.#nextHost - 2 + i) % 253);
      if (!this.#usedIps.has(host)) {
        this.#usedIps.add(host);
        this.#nextHost = host + 1;
        return `${this.#podCidrPrefix}.${host}`;
      }
    }
    return `${this.#podCidrPrefix}.254`;
  }

  releasePodIP(ip: string | undefined): void {
    if (!ip) return;
    this.#usedIps.delete(Number(ip.split('.')[3]));
  }

  hasImage(normalized: string): boolean {
    return this.#images.has(normalized);
  }

  addImage(normalized: string): void {
    this.#images.add(normalized);
  }

  containerFileSystem(pod: Pod, image: ImageSpec): FileSystem {
    const fs = this.toolRunner.newFileSystem();
    for (const dir of ['/bin', '/etc', '/tmp', '/root', '/var/run/secrets/kubernetes.io/serviceaccount']) fs.mkdir(dir, { recursive: true });
    if (image.workingDir) fs.mkdir(image.workingDir, { recursive: true });
    for (const [path, content] of Object.entries(image.files ?? {})) {
      fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
      fs.writeFile(path, content);
    }
    const namespace = pod.metadata!.namespace!;
    fs.writeFile('/etc/hostname', `${pod.metadata!.name}\n`);
    fs.writeFile('/etc/resolv.conf', `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`);
    fs.writeFile('/var/run/secrets/kubernetes.io/serviceaccount/namespace', namespace);
    return fs;
  }

  /** Runs a readiness probe against a container. */
  async probe(probe: Probe, podIP: string, process: ContainerProcess): Promise<{ ok: boolean; message: string }> {
    if (probe.httpGet) {
      const port = typeof probe.httpGet.port === 'number' ? probe.httpGet.port : Number(probe.httpGet.port);
      const url = `http://${podIP}:${port}${probe.httpGet.path ?? '/'}`;
      const result = await this.network.httpGet('host', url, { timeoutMs: (probe.timeoutSeconds ?? 1) * 1000 });
      if (result.error) return { ok: false, message: `Get "${url}": dial tcp ${podIP}:${port}: connect: connection refused` };
      const status = result.status ?? 0;
      return status >= 200 && status < 400 ? { ok: true, message: '' } : { ok: false, message: `HTTP probe failed with statuscode: ${status}` };
    }
    if (probe.tcpSocket) {
      const port = Number(probe.tcpSocket.port);
      const result = await this.network.httpGet('host', `http://${podIP}:${port}/`, { timeoutMs: 1000 });
      return result.error ? { ok: false, message: `dial tcp ${podIP}:${port}: connect: connection refused` } : { ok: true, message: '' };
    }
    if (probe.exec?.command) {
      let output = '';
      const code = await this.toolRunner.run({
        argv: probe.exec.command,
        env: process.env,
        cwd: '/',
        fs: process.fs,
        stdin: '',
        stdout: (t) => (output += t),
        stderr: (t) => (output += t),
        now: () => 0,
        sleep: () => Promise.resolve(),
        kill: new KillSignal(),
        network: this.network.hostView(),
        hostname: '',
        binaries: process.image.binaries,
      });
      return code === 0 ? { ok: true, message: '' } : { ok: false, message: output.trimEnd() };
    }
    return { ok: true, message: '' };
  }
}
