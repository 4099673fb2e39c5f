import { FsError } from '../shell/fs/file-system.ts';

/** The page's file panel shows a failed read or write in the words the shell would use. */
export function fsErrorText(error: unknown): string {
  const code = error instanceof FsError ? error.code : undefined;
  if (code === 'ENOENT') return 'No such file or directory';
  if (code === 'EISDIR') return 'Is a directory';
  if (code === 'ENOTDIR') return 'Not a directory';
  if (code === 'EACCES') return 'Permission denied';
  // Not a file system error the shell would name: a fault of ours, for the console only.
  console.error('cka-lab: file access failed', error);
  return 'Input/output error';
}
