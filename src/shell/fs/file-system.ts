/** The filesystem contract lives in src/lib so the engine (containers) can share it. */
export { FsError } from '../../lib/file-system.ts';
export type { FileStat, FileSystem, FsErrorCode } from '../../lib/file-system.ts';
