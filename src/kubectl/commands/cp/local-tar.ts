/**
 * The local half of `kubectl cp`: the archive kubectl writes from a local path (makeTar,
 * recursiveTar) and how it unpacks one from the pod (untarAll), with Go's os error wording.
 */
import type { FileSystem } from '../../../lib/file-system.ts';
import { resolvePath } from '../../../lib/resolve-path.ts';
import { goErrno, mkdirAll } from '../../go-os.ts';
import { readTar, writeTar, type TarEntry } from '../../../lib/tar/tar-archive.ts';
import { cleanPath, dirOf } from './file-spec.ts';

/** Every member under `path`, named from `destName` down as recursiveTar names them. */
export function makeTar(fs: FileSystem, path: string, destName: string): string {
  const entries: TarEntry[] = [];
  const visit = (at: string, name: string) => {
    const stat = fs.stat(at);
    const mtimeSeconds = Math.floor(stat.mtimeMs / 1000);
    if (stat.kind === 'directory') {
      const children = [...fs.readdir(at)].sort();
      // An empty directory is the only one written as a member of its own.
      if (children.length === 0) entries.push({ name, kind: 'directory', mode: stat.mode, mtimeSeconds, content: '' });
      for (const child of children) visit(`${at.replace(/\/$/, '')}/${child}`, `${name}/${child}`);
      return;
    }
    entries.push({ name, kind: 'file', mode: stat.mode, mtimeSeconds, content: fs.readFile(at) });
  };
  visit(path, destName);
  return writeTar(entries);
}

/** The files of `archive` under `dest`, each member's name with `prefix` cut; an error message or undefined. */
export function untarAll(fs: FileSystem, cwd: string, archive: string, prefix: string, dest: string, warn: (text: string) => void): string | undefined {
  const read = readTar(archive);
  if (!read.ok && read.reason === 'not-tar') return 'archive/tar: invalid tar header';
  for (const entry of read.entries) {
    if (!entry.name.startsWith(prefix)) return 'tar contents corrupted';
    const rest = entry.name.slice(prefix.length).replace(/^\/+/, '');
    const target = cleanPath(rest ? `${dest}/${rest}` : dest);
    const destRoot = cleanPath(dest);
    if (target !== destRoot && !target.startsWith(destRoot === '.' ? '' : `${destRoot}/`) && !(destRoot === '.' && !target.startsWith('..'))) {
      warn(`warning: file "${target}" is outside target destination, skipping\n`);
      continue;
    }
    const parentProblem = mkdirAll(fs, cwd, dirOf(target));
    if (parentProblem) return parentProblem;
    if (entry.kind === 'directory') {
      const problem = mkdirAll(fs, cwd, target);
      if (problem) return problem;
      continue;
    }
    const path = resolvePath(cwd, target);
    try {
      if (fs.exists(path) && fs.stat(path).kind === 'directory') return `open ${target}: is a directory`;
      fs.writeFile(path, entry.content, { mode: 0o644 });
    } catch (error) {
      return `open ${target}: ${goErrno(error)}`;
    }
  }
  if (!read.ok) return 'unexpected EOF';
  return undefined;
}
