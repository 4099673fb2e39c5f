/** Reads `-f FILE|DIR|-` into objects, with kubectl's YAML error wording. */
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../engine/api/client.ts';
import { resolvePath } from '../lib/resolve-path.ts';
import type { CommandContext } from '../shell/command.ts';
import { KubectlError } from './errors.ts';

export interface Manifest {
  file: string;
  obj: KubeObject;
}

export function readManifests(ctx: CommandContext, files: string[]): Manifest[] {
  const out: Manifest[] = [];
  for (const file of files) {
    let sources: { name: string; text: string }[];
    if (file === '-') sources = [{ name: 'STDIN', text: ctx.stdin }];
    else {
      const path = resolvePath(ctx.cwd, file);
      if (!ctx.fs.exists(path)) throw new KubectlError(`error: the path "${file}" does not exist`);
      if (ctx.fs.stat(path).kind === 'directory') {
        sources = ctx.fs.readdir(path).filter((n) => /\.(ya?ml|json)$/.test(n)).map((n) => ({ name: `${file.replace(/\/$/, '')}/${n}`, text: ctx.fs.readFile(`${path}/${n}`) }));
      } else sources = [{ name: file, text: ctx.fs.readFile(path) }];
    }
    for (const { name, text } of sources) {
      for (const doc of parseAllDocuments(text)) {
        if (doc.errors.length > 0) {
          const error = doc.errors[0]!;
          const line = error.linePos?.[0]?.line ?? 1;
          throw new KubectlError(`error: error parsing ${name}: error converting YAML to JSON: yaml: line ${line}: ${yamlReason(error.code)}`);
        }
        const value = doc.toJSON() as KubeObject | null;
        if (value === null || value === undefined) continue;
        if (typeof value !== 'object' || Array.isArray(value)) throw new KubectlError(`error: error validating "${name}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`);
        if (value.kind === 'List' && Array.isArray(value.items)) for (const item of value.items as KubeObject[]) out.push({ file: name, obj: item });
        else {
          if (!value.apiVersion) throw new KubectlError(`error: error validating "${name}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false`);
          if (!value.kind) throw new KubectlError(`error: error validating "${name}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false`);
          out.push({ file: name, obj: value });
        }
      }
    }
  }
  if (out.length === 0) throw new KubectlError('error: no objects passed to apply');
  return out;
}

function yamlReason(code: string): string {
  switch (code) {
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'did not find expected key';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'could not find expected \':\'';
    case 'TAB_AS_INDENT':
      return 'found character that cannot start any token';
    case 'DUPLICATE_KEY':
      return 'mapping key already defined';
    default:
      return 'did not find expected node content';
  }
}
