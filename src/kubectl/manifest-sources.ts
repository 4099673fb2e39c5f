/** Where `-f` finds its manifests: files, directories (with `-R` their subdirectories) and stdin. */
import { resolvePath } from '../lib/resolve-path.ts';
import type { CommandContext } from '../shell/command.ts';
import { KubectlError } from './errors.ts';

export interface ManifestSource {
  /** As kubectl names it in messages: the path given, joined as filepath.Join does. */
  name: string;
  text: string;
}

/**
 * Each `-f` path's files in turn. A path that adds none while none came before it fails as the
 * builder's Path does (`error reading [dir]: recognized file extensions are …`).
 */
export function manifestSources(ctx: CommandContext, files: string[], recursive: boolean): ManifestSource[] {
  const out: ManifestSource[] = [];
  for (const file of files) {
    out.push(...sourcesOf(ctx, file, recursive));
    if (out.length === 0) throw new KubectlError(`error: error reading [${file}]: recognized file extensions are [.json .yaml .yml]`);
  }
  return out;
}

/**
 * A path named itself is read whatever its extension; in a directory, filepath.Walk's lexical
 * order gives the .json, .yaml and .yml files, and with `-R` the subdirectories' too.
 * Models cli-runtime/pkg/resource/visitor.go ExpandPathsToFileVisitors.
 */
function sourcesOf(ctx: CommandContext, file: string, recursive: boolean): ManifestSource[] {
  if (file === '-') return [{ name: 'STDIN', text: ctx.stdin }];
  const path = resolvePath(ctx.cwd, file);
  if (!ctx.fs.exists(path)) throw new KubectlError(`error: the path "${file}" does not exist`);
  if (ctx.fs.stat(path).kind !== 'directory') return [{ name: file, text: ctx.fs.readFile(path) }];
  const out: ManifestSource[] = [];
  const walk = (dir: string, name: string) => {
    for (const entry of ctx.fs.readdir(dir).sort(byBytes)) {
      const child = `${dir}/${entry}`;
      if (ctx.fs.stat(child).kind === 'directory') {
        if (recursive) walk(child, joinPath(name, entry));
      } else if (/\.(ya?ml|json)$/.test(entry)) out.push({ name: joinPath(name, entry), text: ctx.fs.readFile(child) });
    }
  };
  walk(path, file);
  return out;
}

const byBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Go's filepath.Join: `.` + `a.yaml` is `a.yaml`, `dir/` + `a.yaml` is `dir/a.yaml`. */
function joinPath(dir: string, name: string): string {
  const absolute = dir.startsWith('/');
  const parts: string[] = [];
  for (const part of `${dir}/${name}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  return `${absolute ? '/' : ''}${parts.join('/')}`;
}
