/**
 * A kustomization's `replacements` list, each entry inline or a `path` to a file holding one
 * replacement or a list of them. Models kustomize plugin/builtin/replacementtransformer Config.
 */
import { parseDocument } from 'yaml';
import type { FileSystem } from '../../lib/file-system.ts';
import { goYamlError, hasControlCharacters } from '../go-yaml-error.ts';
import { sortKeysDeep, toYaml } from '../printers/yaml-printer.ts';
import { cleanPath } from './build.ts';
import { KustomizeError } from './kustomize-error.ts';
import { checkReplacementFileTypes } from './kustomization-types.ts';
import type { Replacement } from './replacements.ts';

export interface ReplacementField extends Replacement {
  path?: string;
}

/** The value as sigs.k8s.io/yaml marshals the plugin's config: empty fields left out, except `select`. */
function marshalled(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map((v) => marshalled(v));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const m = marshalled(v, k);
      if (m !== undefined) out[k] = m;
    }
    return Object.keys(out).length === 0 && key !== '' ? undefined : out;
  }
  if (value === '' || value === 0 || value === false || value === null) return undefined;
  return value;
}

function configText(list: ReplacementField[]): string {
  const items = list.map((entry) => {
    const m = (marshalled(entry) ?? {}) as Record<string, unknown>;
    if (Array.isArray(m.targets)) m.targets = (m.targets as Record<string, unknown>[]).map((t) => ({ select: null, ...t }));
    return m;
  });
  return toYaml(sortKeysDeep({ Replacements: items }));
}

function goKind(value: unknown): string {
  if (value === null || value === undefined) return 'invalid';
  if (typeof value === 'number') return 'float64';
  if (typeof value === 'boolean') return 'bool';
  return 'string';
}

/** The replacements to run, files read relative to `dir` (and refused outside it). */
export function loadReplacements(fs: FileSystem, dir: string, list: ReplacementField[]): Replacement[] {
  const fail = (why: string) => new KustomizeError(`trouble configuring builtin ReplacementTransformer with config: \`\n${configText(list)}\`: ${why}`);
  const out: Replacement[] = [];
  for (const entry of list) {
    if (entry.path && (entry.source || (entry.targets?.length ?? 0) > 0)) throw fail('cannot specify both path and inline replacement');
    if (!entry.path) {
      out.push(entry);
      continue;
    }
    const path = cleanPath(entry.path.startsWith('/') ? entry.path : `${dir}/${entry.path}`);
    if (!path.startsWith(`${dir}/`)) throw fail(`security; file '${path}' is not in or below '${dir}'`);
    if (!fs.exists(path)) throw fail(`evalsymlink failure on '${path}' : lstat ${path}: no such file or directory`);
    const parsed = replacementFileValue(fs.readFile(path));
    if ('error' in parsed) throw fail(`error converting YAML to JSON: yaml: ${parsed.error}`);
    const { value } = parsed;
    if (typeof value === 'object' && value !== null) {
      try {
        checkReplacementFileTypes(value);
      } catch (error) {
        if (!(error instanceof KustomizeError)) throw error;
        throw fail(error.message);
      }
    }
    if (Array.isArray(value)) out.push(...(value as Replacement[]));
    else if (typeof value === 'object' && value !== null) out.push(value as Replacement);
    else throw fail(`unsupported replacement type encountered within replacement path: ${goKind(value)}`);
  }
  return out;
}

/** A replacement file's value, or go-yaml's words for why sigs.k8s.io/yaml refused it. */
function replacementFileValue(text: string): { value: unknown } | { error: string } {
  if (hasControlCharacters(text)) return { error: 'control characters are not allowed' };
  const doc = parseDocument(text, { version: '1.1' });
  const first = doc.errors[0];
  if (first) return { error: goYamlError(text, { code: first.code, offset: first.pos[0], message: first.message }) };
  try {
    return { value: doc.toJS() as unknown };
  } catch (error) {
    // An alias to an anchor never set: go-yaml's parser refuses it by name.
    if (!(error instanceof ReferenceError)) throw error;
    return { error: `unknown anchor '${/alias[^:]*: (.*)$/.exec(error.message)?.[1] ?? ''}' referenced` };
  }
}
