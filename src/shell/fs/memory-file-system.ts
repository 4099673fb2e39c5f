/** An in-memory FileSystem: the learner's /root, /tmp, and every container's root. */
import { FsError, type FileStat, type FileSystem } from '../../lib/file-system.ts';
import { utf8ByteLength } from './utf8-byte-length.ts';

interface Entry {
  kind: 'file' | 'directory';
  content: string;
  /** UTF-8 bytes of `content`, kept at every write: `stat` of a big file must not walk it. */
  size: number;
  /**
   * The last unit of `content`, kept so an append reads it without touching the content: reading
   * a character of a string built by appends flattens it, a copy of the whole file at each write.
   */
  lastUnit: number;
  mode: number;
  mtimeMs: number;
}

/**
 * What all files together may hold, in characters: a disk that fills up (ENOSPC) rather than a
 * runaway writer (`yes > f &`) exhausting the worker's heap and losing the learner's session.
 */
export const FILE_SYSTEM_CAPACITY = 128 * 1024 * 1024;

export class MemoryFileSystem implements FileSystem {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;
  readonly #capacity: number;
  #used = 0;

  constructor(nowMs: () => number = () => 0, capacity = FILE_SYSTEM_CAPACITY) {
    this.#now = nowMs;
    this.#capacity = capacity;
    this.#entries.set('/', { kind: 'directory', content: '', size: 0, lastUnit: NaN, mode: 0o755, mtimeMs: 0 });
  }

  #parent(path: string): string {
    const i = path.lastIndexOf('/');
    return i <= 0 ? '/' : path.slice(0, i);
  }

  #requireDir(path: string): void {
    const entry = this.#entries.get(path);
    if (!entry) throw new FsError('ENOENT', path);
    if (entry.kind !== 'directory') throw new FsError('ENOTDIR', path);
  }

  readFile(path: string): string {
    const entry = this.#entries.get(path);
    if (!entry) throw new FsError('ENOENT', path);
    if (entry.kind === 'directory') throw new FsError('EISDIR', path);
    return entry.content;
  }

  writeFile(path: string, content: string, options?: { mode?: number; append?: boolean }): void {
    const existing = this.#entries.get(path);
    if (existing?.kind === 'directory') throw new FsError('EISDIR', path);
    this.#requireDir(this.#parent(path));
    const before = options?.append && existing ? existing.content : '';
    const freed = existing?.content.length ?? 0;
    // As on a full disk, what fits is written and the rest refused.
    const room = this.#capacity - (this.#used - freed) - before.length;
    const kept = content.length <= room ? content : content.slice(0, Math.max(room, 0));
    const appended = options?.append === true && existing !== undefined;
    const beforeSize = appended ? existing.size - joinedPairBytes(existing.lastUnit, kept) : 0;
    this.#entries.set(path, {
      kind: 'file',
      content: before + kept,
      size: beforeSize + utf8ByteLength(kept),
      lastUnit: kept.length > 0 ? kept.charCodeAt(kept.length - 1) : appended ? existing.lastUnit : NaN,
      mode: options?.mode ?? existing?.mode ?? 0o644,
      mtimeMs: this.#now(),
    });
    this.#used += before.length + kept.length - freed;
    if (kept.length < content.length) throw new FsError('ENOSPC', path);
  }

  exists(path: string): boolean {
    return this.#entries.has(path);
  }

  stat(path: string): FileStat {
    const entry = this.#entries.get(path);
    if (!entry) throw new FsError('ENOENT', path);
    return { kind: entry.kind, mode: entry.mode, size: entry.kind === 'file' ? entry.size : 4096, mtimeMs: entry.mtimeMs };
  }

  readdir(path: string): string[] {
    this.#requireDir(path);
    const prefix = path === '/' ? '/' : `${path}/`;
    const names: string[] = [];
    for (const key of this.#entries.keys()) {
      if (key !== '/' && key.startsWith(prefix) && !key.slice(prefix.length).includes('/')) names.push(key.slice(prefix.length));
    }
    return names.sort();
  }

  mkdir(path: string, options?: { recursive?: boolean }): void {
    if (this.#entries.has(path)) {
      if (options?.recursive && this.#entries.get(path)!.kind === 'directory') return;
      throw new FsError('EEXIST', path);
    }
    const parent = this.#parent(path);
    if (!this.#entries.has(parent)) {
      if (!options?.recursive) throw new FsError('ENOENT', path);
      this.mkdir(parent, options);
    }
    this.#requireDir(parent);
    this.#entries.set(path, { kind: 'directory', content: '', size: 0, lastUnit: NaN, mode: 0o755, mtimeMs: this.#now() });
  }

  remove(path: string, options?: { recursive?: boolean }): void {
    const entry = this.#entries.get(path);
    if (!entry) throw new FsError('ENOENT', path);
    if (entry.kind === 'directory') {
      const children = this.readdir(path);
      if (children.length && !options?.recursive) throw new FsError('ENOTEMPTY', path);
      for (const child of children) this.remove(`${path === '/' ? '' : path}/${child}`, options);
    }
    this.#used -= entry.content.length;
    this.#entries.delete(path);
  }

  chmod(path: string, mode: number): void {
    const entry = this.#entries.get(path);
    if (!entry) throw new FsError('ENOENT', path);
    entry.mode = mode;
  }

  snapshot(root = '/'): Record<string, { content: string; mode: number }> {
    const out: Record<string, { content: string; mode: number }> = {};
    for (const [path, entry] of this.#entries) {
      if (entry.kind === 'file' && (root === '/' || path.startsWith(`${root}/`))) out[path] = { content: entry.content, mode: entry.mode };
    }
    return out;
  }
}

/**
 * Bytes fewer when appending `tail` after a text whose last unit is `high` joins a surrogate pair split between them (a writer's slices can
 * split one): two lone halves are three bytes each, the pair four.
 */
function joinedPairBytes(high: number, tail: string): number {
  const low = tail.charCodeAt(0);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 0;
}
