/**
 * The shell's FileSystem over the host's disk, for `cka-lab kubectl`: kubectl resolves paths
 * against the process's working directory (its `cwd`) and reads `-f` files, writes the
 * `kubectl edit` temp file, exactly where the real kubectl would.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { FsError, type FileStat, type FileSystem, type FsErrorCode } from '../../lib/file-system.ts';

const CODES = new Set<FsErrorCode>(['ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST', 'ENOTEMPTY', 'EACCES', 'EROFS', 'EBUSY']);

function fsError(error: unknown, path: string): FsError {
  const code = (error as { code?: string }).code;
  return new FsError(code && CODES.has(code as FsErrorCode) ? (code as FsErrorCode) : code === 'EPERM' ? 'EACCES' : 'ENOENT', path);
}

function onDisk<T>(path: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw fsError(error, path);
  }
}

export class NodeFileSystem implements FileSystem {
  readFile(path: string): string {
    return onDisk(path, () => readFileSync(path, 'utf8'));
  }

  writeFile(path: string, content: string, options?: { mode?: number; append?: boolean }): void {
    onDisk(path, () => {
      if (options?.append) appendFileSync(path, content, options.mode !== undefined ? { mode: options.mode } : {});
      else writeFileSync(path, content, options?.mode !== undefined ? { mode: options.mode } : {});
    });
  }

  exists(path: string): boolean {
    return existsSync(path);
  }

  stat(path: string): FileStat {
    const s = onDisk(path, () => statSync(path));
    return { kind: s.isDirectory() ? 'directory' : 'file', mode: s.mode & 0o7777, size: s.size, mtimeMs: s.mtimeMs };
  }

  readdir(path: string): string[] {
    return onDisk(path, () => readdirSync(path).sort());
  }

  mkdir(path: string, options?: { recursive?: boolean }): void {
    onDisk(path, () => mkdirSync(path, { recursive: options?.recursive === true }));
  }

  remove(path: string, options?: { recursive?: boolean }): void {
    onDisk(path, () => rmSync(path, { recursive: options?.recursive === true }));
  }

  chmod(path: string, mode: number): void {
    onDisk(path, () => chmodSync(path, mode));
  }

  snapshot(root = '/'): Record<string, { content: string; mode: number }> {
    const files: Record<string, { content: string; mode: number }> = {};
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.isFile()) files[path] = { content: readFileSync(path, 'utf8'), mode: statSync(path).mode & 0o7777 };
      }
    };
    onDisk(root, () => walk(root));
    return files;
  }
}
