/** File-name completion as bash does it: entries of the directory typed so far, `/` after directories. */
import type { FileSystem } from '../lib/file-system.ts';
import { resolvePath } from '../lib/resolve-path.ts';

export function completePath(word: string, deps: { fs: FileSystem; cwd: string }): string[] {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const prefix = word.slice(slash + 1);
  const dir = resolvePath(deps.cwd, dirPart || '.');
  let entries: string[];
  try {
    entries = deps.fs.readdir(dir);
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.startsWith(prefix) && (prefix.startsWith('.') || !e.startsWith('.')))
    .map((e) => dirPart + e + (deps.fs.stat(resolvePath(dir, e)).kind === 'directory' ? '/' : ''))
    .sort();
}
