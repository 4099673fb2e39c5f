/** What every check may use: the cluster (read only, through the API), the files, and captures. */
import type { FileSystem } from '../../lib/file-system.ts';
import type { ObjectReader } from '../object-reader.ts';
import type { ImageDefaultsLookup } from './effective-argv.ts';

export interface CheckContext {
  reader: ObjectReader;
  fs: FileSystem;
  captures: Record<string, string>;
  /** The ENTRYPOINT/CMD of the images the cluster can run, for checks of what a container runs. */
  images?: ImageDefaultsLookup;
}

export interface CheckResult {
  ok: boolean;
  /** What was found and what was expected, for a failure; a short confirmation for a pass. */
  why: string;
}

export const pass = (why: string): CheckResult => ({ ok: true, why });
export const fail = (why: string): CheckResult => ({ ok: false, why });
