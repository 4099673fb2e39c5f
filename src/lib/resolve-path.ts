/** Resolves `path` against `cwd` and `~`, normalising `.` and `..`. */
export function resolvePath(cwd: string, path: string, home = '/root'): string {
  let full = path;
  if (path === '~' || path.startsWith('~/')) full = home + path.slice(1);
  else if (!path.startsWith('/')) full = `${cwd === '/' ? '' : cwd}/${path}`;
  const out: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}
