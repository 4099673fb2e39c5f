import { FsError } from '../../lib/file-system.ts';
import { reportInternalFault } from '../../lib/internal-fault/internal-fault.ts';

/** ash's errmsg(): its own short words for a missing file or directory, strerror otherwise. */
export function fsMessage(error: unknown): string {
  if (error instanceof FsError) {
    return {
      ENOENT: 'No such file or directory',
      EISDIR: 'Is a directory',
      ENOTDIR: 'Not a directory',
      EEXIST: 'File exists',
      ENOTEMPTY: 'Directory not empty',
      EACCES: 'Permission denied',
      EROFS: 'Read-only file system',
      EBUSY: 'Device or resource busy',
      ENOSPC: 'No space left on device',
    }[error.code];
  }
  // Not a file system error: a fault of ours, shown as the kernel's catch-all EIO.
  reportInternalFault('a file operation', error);
  return 'Input/output error';
}
