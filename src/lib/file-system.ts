/**
 * The virtual filesystem the shell, the editor and lab files share. Paths are absolute and
 * normalised by the caller (see `resolvePath`); errors are FsError with a POSIX code so each tool
 * can word them as the real tool does (`cat: x: No such file or directory`).
 */
export type FsErrorCode = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EACCES' | 'EROFS' | 'EBUSY' | 'ENOSPC';

export class FsError extends Error {
  readonly code: FsErrorCode;
  readonly path: string;

  constructor(code: FsErrorCode, path: string) {
    super(`${code}: ${path}`);
    this.name = 'FsError';
    this.code = code;
    this.path = path;
  }
}

export interface FileStat {
  kind: 'file' | 'directory';
  /** Permission bits, e.g. 0o755. */
  mode: number;
  size: number;
  mtimeMs: number;
  /** A character device's numbers (`/dev/null` is 1, 3); absent for files and directories. */
  device?: { major: number; minor: number };
}

export interface FileSystem {
  readFile(path: string): string;
  writeFile(path: string, content: string, options?: { mode?: number; append?: boolean }): void;
  exists(path: string): boolean;
  stat(path: string): FileStat;
  readdir(path: string): string[];
  mkdir(path: string, options?: { recursive?: boolean }): void;
  remove(path: string, options?: { recursive?: boolean }): void;
  chmod(path: string, mode: number): void;
  /** Every file below `root` (for persistence and snapshots). */
  snapshot(root?: string): Record<string, { content: string; mode: number }>;
}
