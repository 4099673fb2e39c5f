/**
 * One directory tree built from several filesystems, the way a container sees its root: the
 * image's filesystem with volumes mounted over some paths. A mount shows a path of another
 * filesystem (its whole root, or a sub-directory or a single file as `subPath` does) and may be
 * read-only, in which case every change fails with EROFS like Linux's `Read-only file system`.
 * The longest mount path that contains a path decides which filesystem serves it.
 */
import { FsError, type FileStat, type FileSystem } from '../file-system.ts';

export interface Mount {
  /** Absolute path in the composed tree (`/log`, `/etc/config/app.conf`). */
  path: string;
  fs: FileSystem;
  /** The path inside `fs` shown at `path` (`/` for the whole filesystem). */
  source: string;
  readOnly: boolean;
}

interface Resolved {
  fs: FileSystem;
  path: string;
  mount: Mount | undefined;
}

export function normalizeAbsolute(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function join(base: string, rest: string): string {
  if (!rest) return base;
  return base === '/' ? rest : `${base}${rest}`;
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export class MountedFileSystem implements FileSystem {
  readonly #root: FileSystem;
  /** Longest path first, so the first containing mount is the innermost. */
  readonly #mounts: Mount[];

  constructor(root: FileSystem, mounts: readonly Mount[]) {
    this.#root = root;
    this.#mounts = mounts.map((m) => ({ ...m, path: normalizeAbsolute(m.path), source: normalizeAbsolute(m.source) })).sort((a, b) => b.path.length - a.path.length);
    // The runtime creates every mount point (and its parents) before it mounts, shortest first.
    for (const mount of [...this.#mounts].reverse()) this.#createMountPoint(mount);
  }

  get mounts(): readonly Mount[] {
    return this.#mounts;
  }

  #resolve(path: string): Resolved {
    for (const mount of this.#mounts) {
      if (path === mount.path) return { fs: mount.fs, path: mount.source, mount };
      if (mount.path === '/' || path.startsWith(`${mount.path}/`)) {
        return { fs: mount.fs, path: join(mount.source, mount.path === '/' ? path : path.slice(mount.path.length)), mount };
      }
    }
    return { fs: this.#root, path, mount: undefined };
  }

  #createMountPoint(mount: Mount): void {
    if (mount.path === '/') return;
    const isFile = mount.fs.exists(mount.source) && mount.fs.stat(mount.source).kind === 'file';
    const parent = this.#resolve(parentOf(mount.path));
    try {
      if (!parent.fs.exists(parent.path)) parent.fs.mkdir(parent.path, { recursive: true });
      const point = join(parent.path === '/' ? '' : parent.path, `/${mount.path.slice(mount.path.lastIndexOf('/') + 1)}`);
      if (parent.fs.exists(point)) return;
      if (isFile) parent.fs.writeFile(point, '');
      else parent.fs.mkdir(point, { recursive: true });
    } catch {
      // A mount point under a read-only volume cannot be created; the mount still shows.
    }
  }

  #writable(path: string): Resolved {
    const resolved = this.#resolve(path);
    if (resolved.mount?.readOnly) throw new FsError('EROFS', path);
    return resolved;
  }

  /** Runs `op` and reports errors against the composed path, not the backing one. */
  #call<T>(path: string, op: () => T): T {
    try {
      return op();
    } catch (error) {
      if (error instanceof FsError) throw new FsError(error.code, path);
      throw error;
    }
  }

  readFile(path: string): string {
    const r = this.#resolve(path);
    return this.#call(path, () => r.fs.readFile(r.path));
  }

  writeFile(path: string, content: string, options?: { mode?: number; append?: boolean }): void {
    const r = this.#writable(path);
    this.#call(path, () => r.fs.writeFile(r.path, content, options));
  }

  exists(path: string): boolean {
    const r = this.#resolve(path);
    return r.fs.exists(r.path);
  }

  stat(path: string): FileStat {
    const r = this.#resolve(path);
    return this.#call(path, () => r.fs.stat(r.path));
  }

  readdir(path: string): string[] {
    const r = this.#resolve(path);
    const names = new Set(this.#call(path, () => r.fs.readdir(r.path)));
    for (const mount of this.#mounts) {
      if (mount.path !== '/' && parentOf(mount.path) === path) names.add(mount.path.slice(mount.path.lastIndexOf('/') + 1));
    }
    return [...names].sort();
  }

  mkdir(path: string, options?: { recursive?: boolean }): void {
    const r = this.#resolve(path);
    if (r.mount?.readOnly && !(options?.recursive && r.fs.exists(r.path))) throw new FsError('EROFS', path);
    this.#call(path, () => r.fs.mkdir(r.path, options));
  }

  remove(path: string, options?: { recursive?: boolean }): void {
    const busy = this.#mounts.some((m) => m.path === path || (path === '/' ? m.path !== '/' : m.path.startsWith(`${path}/`)));
    if (busy) {
      const own = this.#mounts.find((m) => m.path === path);
      if (own && options?.recursive) {
        if (own.readOnly) throw new FsError('EROFS', path);
        for (const child of this.readdir(path)) this.remove(`${path === '/' ? '' : path}/${child}`, options);
      }
      throw new FsError('EBUSY', path);
    }
    const r = this.#writable(path);
    this.#call(path, () => r.fs.remove(r.path, options));
  }

  chmod(path: string, mode: number): void {
    const r = this.#writable(path);
    this.#call(path, () => r.fs.chmod(r.path, mode));
  }

  snapshot(root = '/'): Record<string, { content: string; mode: number }> {
    const out: Record<string, { content: string; mode: number }> = {};
    const within = (path: string) => root === '/' || path === root || path.startsWith(`${root}/`);
    for (const [path, entry] of Object.entries(this.#root.snapshot())) {
      if (within(path) && this.#resolve(path).mount === undefined) out[path] = entry;
    }
    for (const mount of this.#mounts) {
      for (const [path, entry] of Object.entries(mount.fs.snapshot())) {
        if (path !== mount.source && !path.startsWith(mount.source === '/' ? '/' : `${mount.source}/`)) continue;
        const shown = mount.path === '/' ? path : join(mount.path, path.slice(mount.source === '/' ? 0 : mount.source.length));
        if (within(shown) && this.#resolve(shown).mount === mount) out[shown] = entry;
      }
    }
    return out;
  }
}
