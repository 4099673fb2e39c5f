/**
 * A kustomization's `replacements` list, each entry inline or a `path` to a file holding one
 * replacement or a list of them. Models kustomize plugin/builtin/replacementtransformer Config.
 */
import { parse } from 'yaml';
import type { FileSystem } from '../../lib/file-system.ts';
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
    let value: unknown;
    try {
      value = parse(fs.readFile(path), { version: '1.1', logLevel: 'error' }) as unknown;
    } catch {
      // Deliberate deviation (issue 13): go-yaml's line and words for a broken file are not modelled.
      throw fail('error converting YAML to JSON: yaml: unmarshal errors');
    }
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
