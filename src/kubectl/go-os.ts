/**
 * What kubectl's file operations print when the local filesystem refuses: Go's os package, its
 * PathError (`mkdir out: not a directory`) and MkdirAll's walk up to the first part that is a file.
 */
import { FsError, type FileSystem } from '../lib/file-system.ts';
import { resolvePath } from '../lib/resolve-path.ts';

/** Go's syscall error strings, lower case. */
export function goErrno(error: unknown): string {
  if (!(error instanceof FsError)) throw error;
  return {
    ENOENT: 'no such file or directory',
    EISDIR: 'is a directory',
    ENOTDIR: 'not a directory',
    EEXIST: 'file exists',
    ENOTEMPTY: 'directory not empty',
    EACCES: 'permission denied',
    EROFS: 'read-only file system',
    EBUSY: 'device or resource busy',
    ENOSPC: 'no space left on device',
  }[error.code];
}

/** os.MkdirAll: undefined once `dir` is a directory, else the error, named by the part that failed. */
export function mkdirAll(fs: FileSystem, cwd: string, dir: string): string | undefined {
  const path = resolvePath(cwd, dir);
  if (fs.exists(path)) return fs.stat(path).kind === 'directory' ? undefined : `mkdir ${dir}: not a directory`;
  const trimmed = dir.replace(/\/+$/, '');
  const parent = trimmed.slice(0, trimmed.lastIndexOf('/'));
  if (parent !== '' && trimmed.lastIndexOf('/') > 0) {
    const problem = mkdirAll(fs, cwd, parent);
    if (problem) return problem;
  }
  try {
    fs.mkdir(path);
    return undefined;
  } catch (error) {
    return `mkdir ${dir}: ${goErrno(error)}`;
  }
}
