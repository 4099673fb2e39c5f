/** `[[namespace/]pod:]file/path`: models pkg/cmd/cp/cp.go extractFileSpec. */
import { KubectlError } from '../../errors.ts';

export interface FileSpec {
  podNamespace?: string;
  podName?: string;
  file: string;
}

export function extractFileSpec(arg: string): FileSpec {
  const colon = arg.indexOf(':');
  const invalid = new KubectlError('error: filespec must match the canonical format: [[namespace/]pod:]file/path');
  if (colon === 0) throw invalid;
  if (colon < 0) return { file: arg };
  const pieces = arg.slice(0, colon).split('/');
  const file = arg.slice(colon + 1);
  if (pieces.length === 1) return { podName: pieces[0]!, file };
  if (pieces.length === 2) return { podNamespace: pieces[0]!, podName: pieces[1]!, file };
  throw invalid;
}

/** path.Clean on a slash-separated path. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

export function dirOf(path: string): string {
  const clean = cleanPath(path);
  const slash = clean.lastIndexOf('/');
  if (slash < 0) return '.';
  return slash === 0 ? '/' : clean.slice(0, slash);
}

export function baseOf(path: string): string {
  const clean = cleanPath(path);
  if (clean === '/') return '/';
  return clean.slice(clean.lastIndexOf('/') + 1);
}

/** stripPathShortcuts: the leading `../` and `./` a remote path may carry, removed. */
export function stripPathShortcuts(path: string): string {
  let rest = path;
  for (;;) {
    if (rest.startsWith('../')) rest = rest.slice(3);
    else if (rest.startsWith('./')) rest = rest.slice(2);
    else if (rest === '..' || rest === '.') return '';
    else return rest;
  }
}
