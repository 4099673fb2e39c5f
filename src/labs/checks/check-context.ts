/** What every check may use: the cluster (read only, through the API), the files, and captures. */
import type { FileSystem } from '../../lib/file-system.ts';
import type { ObjectReader } from '../object-reader.ts';

export interface CheckContext {
  reader: ObjectReader;
  fs: FileSystem;
  captures: Record<string, string>;
}

export interface CheckResult {
  ok: boolean;
  /** What was found and what was expected, for a failure; a short confirmation for a pass. */
  why: string;
}

export const pass = (why: string): CheckResult => ({ ok: true, why });
export const fail = (why: string): CheckResult => ({ ok: false, why });
