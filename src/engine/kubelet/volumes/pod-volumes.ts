/**
 * The volume manager's work for one pod: sets up every volume a container mounts (emptyDir,
 * hostPath, configMap, secret, downwardAPI, projected, persistentVolumeClaim), reports the SetUp
 * errors that become FailedMount events, re-projects config volumes when their objects change, and
 * turns a container's volumeMounts into the mounts of its filesystem (subPath, readOnly).
 * Config volumes are written as the kubelet's atomic writer lays them out: the files in a
 * timestamped `..YYYY_MM_DD_HH_MM_SS.N` directory, `..data`, and the keys at the top.
 */
import type { Container, Pod, Volume } from 'kubernetes-types/core/v1';
import type { FileSystem } from '../../../lib/file-system.ts';
import { type Mount, normalizeAbsolute } from '../../../lib/mounted-file-system/mounted-file-system.ts';
import type { SeededRandom } from '../../clock/seeded-random.ts';
import { expandVars } from '../container-command.ts';
import { setUpHostPath } from './host-path.ts';
import { configMapPayload, downwardAPIPayload, type ObjectSource, type Payload, type PayloadResult, projectedPayload, secretPayload } from './projected-files.ts';

export interface VolumeHost {
  objects: ObjectSource;
  /** The node's root filesystem (hostPath). */
  hostFs: FileSystem;
  newFileSystem(): FileSystem;
  now(): number;
  random: SeededRandom;
  /** The storage behind a bound claim, or the reason it cannot be used. */
  claim(namespace: string, claimName: string): FileSystem | { error: string };
}

interface MountedVolume {
  fs: FileSystem;
  /** The path inside `fs` the volume's root is. */
  root: string;
  /** configMap, secret, downwardAPI and projected volumes are always mounted read-only. */
  readOnly: boolean;
  /** Re-projects a config volume; undefined for the others. */
  project?: (pod: Pod) => PayloadResult;
  /** The top-level names, timestamped directory and content of the last projection. */
  written?: { names: string[]; dir: string; fingerprint: string };
}

export interface MountFailure {
  volume: string;
  message: string;
}

/** Volumes some container mounts: only those are set up (desired_state_of_world_populator). */
export function mountedVolumeNames(pod: Pod): Set<string> {
  const names = new Set<string>();
  for (const container of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
    for (const mount of container.volumeMounts ?? []) names.add(mount.name);
  }
  return names;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export class PodVolumes {
  readonly #host: VolumeHost;
  readonly #objects: ObjectSource;
  readonly #mounted = new Map<string, MountedVolume>();
  readonly #tokens = new Map<string, string>();

  constructor(host: VolumeHost) {
    this.#host = host;
    // The kubelet keeps a bound token until most of its lifetime has passed: one per pod here.
    this.#objects = {
      ...host.objects,
      serviceAccountToken: (pod, audience, expirationSeconds) => {
        const key = `${audience ?? ''}/${expirationSeconds}`;
        let token = this.#tokens.get(key);
        if (token === undefined) {
          token = host.objects.serviceAccountToken(pod, audience, expirationSeconds);
          this.#tokens.set(key, token);
        }
        return token;
      },
    };
  }

  /** Sets up what is not mounted yet; the failures are in volume order. */
  setUp(pod: Pod): MountFailure[] {
    const wanted = mountedVolumeNames(pod);
    const failures: MountFailure[] = [];
    for (const volume of pod.spec?.volumes ?? []) {
      if (!wanted.has(volume.name) || this.#mounted.has(volume.name)) continue;
      const result = this.#setUpVolume(pod, volume);
      if ('error' in result) failures.push({ volume: volume.name, message: result.error });
      else this.#mounted.set(volume.name, result);
    }
    return failures;
  }

  isMounted(name: string): boolean {
    return this.#mounted.has(name);
  }

  /** Re-projects config volumes whose ConfigMap/Secret changed (the kubelet's periodic sync). */
  refresh(pod: Pod): void {
    for (const volume of this.#mounted.values()) {
      if (!volume.project) continue;
      const result = volume.project(pod);
      if (result.ok) this.#write(volume, result.payload);
    }
  }

  /** The mounts of one container, or the error that fails its creation. */
  mountsFor(container: Container, env: Record<string, string>): { ok: true; mounts: Mount[] } | { ok: false; message: string } {
    const mounts: Mount[] = [];
    for (const vm of container.volumeMounts ?? []) {
      const volume = this.#mounted.get(vm.name);
      if (!volume) continue;
      const subPath = vm.subPathExpr ? expandVars(vm.subPathExpr, env) : (vm.subPath ?? '');
      const readOnly = volume.readOnly || Boolean(vm.readOnly);
      if (!subPath) {
        mounts.push({ path: vm.mountPath, fs: volume.fs, source: volume.root, readOnly });
        continue;
      }
      const inside = normalizeAbsolute(`${volume.root}/${subPath}`);
      if (volume.project) {
        // A bind mount of what the projection holds now: later updates do not reach it.
        mounts.push({ path: vm.mountPath, ...this.#snapshotOf(volume.fs, inside), readOnly });
        continue;
      }
      try {
        if (!volume.fs.exists(inside)) volume.fs.mkdir(inside, { recursive: true });
      } catch {
        return { ok: false, message: `failed to prepare subPath for volumeMount "${vm.name}" of container "${container.name}"` };
      }
      mounts.push({ path: vm.mountPath, fs: volume.fs, source: inside, readOnly });
    }
    return { ok: true, mounts };
  }

  #setUpVolume(pod: Pod, volume: Volume): MountedVolume | { error: string } {
    const objects = this.#objects;
    const projected = (project: (pod: Pod) => PayloadResult): MountedVolume | { error: string } => {
      const first = project(pod);
      if (!first.ok) return { error: first.message };
      const mounted: MountedVolume = { fs: this.#host.newFileSystem(), root: '/', readOnly: true, project };
      this.#write(mounted, first.payload);
      return mounted;
    };
    if (volume.hostPath) {
      const path = normalizeAbsolute(volume.hostPath.path);
      const error = setUpHostPath(this.#host.hostFs, path, volume.hostPath.type);
      return error ? { error } : { fs: this.#host.hostFs, root: path, readOnly: false };
    }
    if (volume.configMap) {
      const source = volume.configMap;
      return projected((p) => configMapPayload(objects, p, source));
    }
    if (volume.secret) {
      const source = volume.secret;
      return projected((p) => secretPayload(objects, p, source));
    }
    if (volume.downwardAPI) {
      const source = volume.downwardAPI;
      return projected((p) => downwardAPIPayload(p, source));
    }
    if (volume.projected) {
      const source = volume.projected;
      return projected((p) => projectedPayload(objects, p, source));
    }
    if (volume.persistentVolumeClaim) {
      const claim = this.#host.claim(pod.metadata!.namespace!, volume.persistentVolumeClaim.claimName);
      if ('error' in claim) return claim;
      return { fs: claim, root: '/', readOnly: Boolean(volume.persistentVolumeClaim.readOnly) };
    }
    // emptyDir, and any source the simulator has no backend for, is a fresh directory per pod.
    return { fs: this.#host.newFileSystem(), root: '/', readOnly: false };
  }

  /** The atomic writer: files in a new timestamped directory, `..data`, and the top-level names. */
  #write(volume: MountedVolume, payload: Payload): void {
    const fingerprint = JSON.stringify([...payload]);
    if (volume.written?.fingerprint === fingerprint) return;
    const fs = volume.fs;
    const date = new Date(this.#host.now());
    const dir = `/..${date.getUTCFullYear()}_${pad(date.getUTCMonth() + 1)}_${pad(date.getUTCDate())}_${pad(date.getUTCHours())}_${pad(date.getUTCMinutes())}_${pad(date.getUTCSeconds())}.${1_000_000_000 + this.#host.random.int(3_000_000_000)}`;
    const names = [...new Set([...payload.keys()].map((path) => path.split('/')[0]!))];
    const previous = volume.written;
    for (const old of [previous?.dir, '/..data', ...(previous?.names ?? []).map((n) => `/${n}`)]) {
      if (old && fs.exists(old)) fs.remove(old, { recursive: true });
    }
    for (const base of [dir, '/..data', '']) {
      for (const [path, file] of payload) {
        const full = `${base}/${path}`;
        const parent = full.slice(0, full.lastIndexOf('/')) || '/';
        if (!fs.exists(parent)) fs.mkdir(parent, { recursive: true });
        fs.writeFile(full, file.content, { mode: file.mode });
      }
      if (!fs.exists(base || '/')) fs.mkdir(base, { recursive: true });
    }
    volume.written = { names, dir, fingerprint };
  }

  #snapshotOf(fs: FileSystem, path: string): { fs: FileSystem; source: string } {
    const copy = this.#host.newFileSystem();
    if (!fs.exists(path)) {
      copy.mkdir('/content', { recursive: true });
      return { fs: copy, source: '/content' };
    }
    if (fs.stat(path).kind === 'file') {
      copy.writeFile('/content', fs.readFile(path), { mode: fs.stat(path).mode });
      return { fs: copy, source: '/content' };
    }
    copy.mkdir('/content', { recursive: true });
    for (const [file, entry] of Object.entries(fs.snapshot(path))) {
      const target = `/content${file.slice(path.length)}`;
      copy.mkdir(target.slice(0, target.lastIndexOf('/')), { recursive: true });
      copy.writeFile(target, entry.content, { mode: entry.mode });
    }
    return { fs: copy, source: '/content' };
  }
}
