/**
 * The character devices of /dev over any FileSystem: what Linux's mem driver (major 1, see the
 * kernel's Documentation/admin-guide/devices.txt) gives every host and container. Writes to
 * null, zero, random and urandom vanish, writes to full fail with ENOSPC, and the rest of /dev
 * (fd/, termination-log) stays the inner filesystem's.
 *
 * Deviations (issue 13 §5): a read of zero or urandom returns READ_CHARS characters, not an
 * endless stream, since files are whole strings; and as files hold text, urandom's bytes are
 * 7-bit (random below 0x80) so that `head -c`, `base64` and `xxd` see one byte per character.
 */
import { FsError, type FileStat, type FileSystem } from '../file-system.ts';

interface Device {
  major: number;
  minor: number;
  read: (random: () => number) => string;
  /** False: writes fail with ENOSPC (/dev/full). */
  acceptsWrites: boolean;
}

export const READ_CHARS = 1024 * 1024;

const zeros = () => '\0'.repeat(READ_CHARS);
const randomText = (random: () => number) => {
  const codes = new Array<string>(READ_CHARS);
  for (let i = 0; i < READ_CHARS; i++) codes[i] = String.fromCharCode(random() & 0x7f);
  return codes.join('');
};

const DEVICES: Record<string, Device> = {
  '/dev/null': { major: 1, minor: 3, read: () => '', acceptsWrites: true },
  '/dev/zero': { major: 1, minor: 5, read: zeros, acceptsWrites: true },
  '/dev/full': { major: 1, minor: 7, read: zeros, acceptsWrites: false },
  '/dev/random': { major: 1, minor: 8, read: randomText, acceptsWrites: true },
  '/dev/urandom': { major: 1, minor: 9, read: randomText, acceptsWrites: true },
};

export class DeviceFileSystem implements FileSystem {
  readonly #inner: FileSystem;
  readonly #seed: () => number;
  #reads = 0;

  /** `seed`: a number that differs between sessions and replays alike (the virtual clock, a pod's uid). */
  constructor(inner: FileSystem, seed: () => number) {
    this.#inner = inner;
    this.#seed = seed;
    inner.mkdir('/dev', { recursive: true });
  }

  readFile(path: string): string {
    const device = DEVICES[path];
    if (!device) return this.#inner.readFile(path);
    this.#reads++;
    return device.read(xorshift32(this.#seed() ^ Math.imul(this.#reads, 0x9e3779b9)));
  }

  writeFile(path: string, content: string, options?: { mode?: number; append?: boolean }): void {
    const device = DEVICES[path];
    if (!device) return this.#inner.writeFile(path, content, options);
    if (!device.acceptsWrites && content !== '') throw new FsError('ENOSPC', path);
  }

  exists(path: string): boolean {
    return path in DEVICES || this.#inner.exists(path);
  }

  stat(path: string): FileStat {
    const device = DEVICES[path];
    if (!device) return this.#inner.stat(path);
    return { kind: 'file', mode: 0o666, size: 0, mtimeMs: 0, device: { major: device.major, minor: device.minor } };
  }

  readdir(path: string): string[] {
    const names = this.#inner.readdir(path);
    if (path !== '/dev') return names;
    return [...new Set([...names, ...Object.keys(DEVICES).map((p) => p.slice('/dev/'.length))])].sort();
  }

  mkdir(path: string, options?: { recursive?: boolean }): void {
    if (path in DEVICES) throw new FsError('EEXIST', path);
    this.#inner.mkdir(path, options);
  }

  remove(path: string, options?: { recursive?: boolean }): void {
    // Deviation: root may unlink a device node; the simulation keeps them.
    if (path in DEVICES) throw new FsError('EACCES', path);
    if (path === '/dev') throw new FsError('EBUSY', path);
    this.#inner.remove(path, options);
  }

  chmod(path: string, mode: number): void {
    if (!(path in DEVICES)) this.#inner.chmod(path, mode);
  }

  snapshot(root?: string): Record<string, { content: string; mode: number }> {
    return this.#inner.snapshot(root);
  }
}

/** Marsaglia's xorshift32: a small seeded byte source, the same for the same seed. */
function xorshift32(seed: number): () => number {
  let state = seed | 0 || 0x2545f491;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 24;
  };
}
