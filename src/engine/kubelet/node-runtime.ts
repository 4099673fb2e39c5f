/**
 * What one node offers its pods: the node's address, its pod IP range, the images it has pulled,
 * its own root filesystem (hostPath volumes), container filesystems, the network and the tool
 * runner, and probe execution.
 */
import type { ConfigMap, PersistentVolumeClaim, Pod, Probe, Secret } from 'kubernetes-types/core/v1';
import type { FileSystem } from '../../lib/file-system.ts';
import { LazyFileSystem } from '../../lib/lazy-file-system/lazy-file-system.ts';
import { type Mount, MountedFileSystem } from '../../lib/mounted-file-system/mounted-file-system.ts';
import { DeviceFileSystem } from '../../lib/device-file-system/device-file-system.ts';
import { core } from '../client/informer-factory.ts';
import type { ControllerContext } from '../controllers/controller-context.ts';
import type { ImageSpec } from '../images/image.ts';
import { lookupImage, type ImageLookup } from '../images/image-catalogue.ts';
import type { LocalImages } from '../images/local-images.ts';
import type { ClusterNetwork } from '../network/cluster-network.ts';
import { PodCidr } from '../network/pod-cidr.ts';
import { KillSignal, type ContainerProcess } from './container-process.ts';
import type { LoopPhases } from './pod-sync-loop.ts';
import type { ToolRunner } from './tool-runner.ts';
import { seedNodeFileSystem } from './volumes/host-path.ts';
import type { VolumeHost } from './volumes/pod-volumes.ts';
import { serviceAccountToken } from './volumes/service-account-token.ts';

export class NodeRuntime {
  readonly nodeName: string;
  readonly nodeIP: string;
  readonly network: ClusterNetwork;
  readonly toolRunner: ToolRunner;
  /** The node's root filesystem: what hostPath volumes show. */
  readonly hostFs: FileSystem;
  readonly #claimStorage: Map<string, FileSystem>;
  readonly podCidr: PodCidr;
  readonly #images = new Set<string>();
  readonly #localImages: LocalImages | undefined;
  /** Where on the second this node's PLEG relists and its sync loop ticks; chosen by the first pod. */
  loopPhases: LoopPhases | undefined;

  constructor(options: {
    nodeName: string;
    nodeIP: string;
    /** The node's spec.podCIDR. */
    podCidr: string;
    network: ClusterNetwork;
    toolRunner: ToolRunner;
    preloadedImages?: string[];
    /** Images built on the machine (`docker build`): present on this node without a pull. */
    localImages?: LocalImages;
    /** Storage behind bound claims, shared by every node. */
    claimStorage?: Map<string, FileSystem>;
    /** The node's root filesystem when the host supplies one (the learner's, on controlplane). */
    hostFs?: FileSystem;
  }) {
    this.nodeName = options.nodeName;
    this.nodeIP = options.nodeIP;
    this.podCidr = new PodCidr(options.podCidr);
    this.network = options.network;
    this.toolRunner = options.toolRunner;
    this.#claimStorage = options.claimStorage ?? new Map();
    this.hostFs = options.hostFs ?? options.toolRunner.newFileSystem();
    if (!options.hostFs) seedNodeFileSystem(this.hostFs, options.nodeName);
    for (const image of options.preloadedImages ?? []) this.#images.add(image);
    this.#localImages = options.localImages;
  }

  /** The image a container names: one built here, or one of the registries'. */
  lookupImage(image: string): ImageLookup {
    return lookupImage(image, this.#localImages);
  }

  /** The pod network's address for a new sandbox; undefined when the node's range is used up. */
  allocatePodIP(): string | undefined {
    return this.podCidr.allocate();
  }

  releasePodIP(ip: string | undefined): void {
    if (ip) this.podCidr.release(ip);
  }

  hasImage(normalized: string): boolean {
    return this.#images.has(normalized) || this.#localImages?.get(normalized) !== undefined;
  }

  addImage(normalized: string): void {
    this.#images.add(normalized);
  }

  /** A container's root: the image's files, the files the kubelet manages, and the pod's volumes. */
  containerFileSystem(pod: Pod, image: ImageSpec, mounts: readonly Mount[], podIP: string): FileSystem {
    // Built when first read: most containers' files never are. Only names are kept, not the pod.
    const namespace = pod.metadata!.namespace!;
    const name = pod.metadata!.name!;
    const uid = pod.metadata?.uid ?? '';
    return new LazyFileSystem(() => this.#buildContainerFileSystem(namespace, name, uid, image, mounts, podIP));
  }

  #buildContainerFileSystem(namespace: string, name: string, uid: string, image: ImageSpec, mounts: readonly Mount[], podIP: string): FileSystem {
    const fs = new DeviceFileSystem(this.toolRunner.newFileSystem(), () => seedOf(uid));
    for (const dir of ['/bin', '/dev', '/etc', '/proc', '/tmp', '/root', '/var']) fs.mkdir(dir, { recursive: true });
    if (image.workingDir) fs.mkdir(image.workingDir, { recursive: true });
    for (const [path, content] of Object.entries(image.files ?? {})) {
      if (path.endsWith('/')) {
        fs.mkdir(path.slice(0, -1), { recursive: true });
        continue;
      }
      fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
      fs.writeFile(path, content);
    }
    // The image's programs, so `ls /bin` shows them (their content is not what runs them).
    for (const binary of image.binaries) {
      const path = binary === 'nginx' ? '/usr/sbin/nginx' : `/bin/${binary}`;
      fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
      if (!fs.exists(path)) fs.writeFile(path, '', { mode: 0o755 });
    }
    fs.writeFile('/etc/hostname', `${name}\n`);
    fs.writeFile('/etc/resolv.conf', `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`);
    fs.writeFile(
      '/etc/hosts',
      `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${podIP}\t${name}\n`,
    );
    fs.writeFile('/dev/termination-log', '');
    return mounts.length ? new MountedFileSystem(fs, mounts) : fs;
  }

  /** What the volume manager needs from the node and the cluster. */
  volumeHost(ctx: ControllerContext): VolumeHost {
    const configMaps = ctx.informers.lister<ConfigMap>(core('configmaps'));
    const secrets = ctx.informers.lister<Secret>(core('secrets'));
    const claims = ctx.informers.lister<PersistentVolumeClaim>(core('persistentvolumeclaims'));
    return {
      objects: {
        configMap: (namespace, name) => configMaps.get(namespace, name),
        secret: (namespace, name) => secrets.get(namespace, name),
        serviceAccountToken: (pod, audience, expirationSeconds) => serviceAccountToken(pod, { nowMs: ctx.clock.now(), random: ctx.random, audience, expirationSeconds }),
      },
      hostFs: this.hostFs,
      newFileSystem: () => this.toolRunner.newFileSystem(),
      now: () => ctx.clock.now(),
      random: ctx.random,
      claim: (namespace, claimName) => {
        const claim = claims.get(namespace, claimName);
        if (!claim) return { error: `persistentvolumeclaim "${claimName}" not found` };
        const key = claim.spec?.volumeName || `${namespace}/${claimName}`;
        let fs = this.#claimStorage.get(key);
        if (!fs) {
          fs = this.toolRunner.newFileSystem();
          this.#claimStorage.set(key, fs);
        }
        return fs;
      },
    };
  }

  /** Runs one probe (readiness, liveness or startup) against a container. */
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
      const result = await this.network.httpGet('host', `http://${podIP}:${port}/`, { timeoutMs: (probe.timeoutSeconds ?? 1) * 1000 });
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
        userland: process.image.userland,
      });
      return code === 0 ? { ok: true, message: '' } : { ok: false, message: output.trimEnd() };
    }
    return { ok: true, message: '' };
  }
}

/** A container's urandom seed: its pod's uid, so a replayed session reads the same bytes. */
function seedOf(uid: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < uid.length; i++) hash = Math.imul(hash ^ uid.charCodeAt(i), 0x01000193);
  return hash;
}
