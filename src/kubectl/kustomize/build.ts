/**
 * Building a kustomization directory: its resources (files and nested kustomizations, depth
 * first), then its generators, then its transformers in kustomize's builtin order; at the top,
 * hash suffixes, name references and the legacy output order.
 * Models kustomize api/internal/target/kusttarget.go and api/krusty/kustomizer.go.
 */
import type { KubeObject } from '../../engine/api/client.ts';
import type { FileSystem } from '../../lib/file-system.ts';
import { runGenerators } from './generators.ts';
import { transformImages } from './images.ts';
import { readKustomization, type Kustomization } from './kustomization-file.ts';
import { KustomizeError } from './kustomize-error.ts';
import { transformAnnotations, transformLabels } from './labels-annotations.ts';
import { legacyOrder } from './legacy-order.ts';
import { contentHash } from './name-hash.ts';
import { fixNameReferences } from './name-references.ts';
import { transformNamespace, transformPrefixSuffix } from './names-namespaces.ts';
import { transformJson6902Patches, transformPatches, transformStrategicMergePatches } from './patches.ts';
import { loadReplacements } from './replacement-config.ts';
import { runReplacements } from './replacements.ts';
import { transformReplicas } from './replicas.ts';
import { resourcesOfText } from './resource-files.ts';
import { nameOf, type Resource } from './resource.ts';

export interface BuildResult {
  objects: KubeObject[];
  /** Lines kustomize prints on stderr (deprecated fields). */
  warnings: string[];
}

/** `path` cleaned as Go's filepath.Clean does (absolute in, absolute out). */
export function cleanPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

const missing = (path: string) => `evalsymlink failure on '${path}' : lstat ${path}: no such file or directory`;

/** Builds the kustomization in the absolute directory `dir`, which the user named `given`. */
export function buildKustomization(fs: FileSystem, dir: string, given = dir): BuildResult {
  if (!fs.exists(dir)) throw new KustomizeError(`must build at directory: not a valid directory: evalsymlink failure on '${given}' : lstat ${dir}: no such file or directory`);
  if (fs.stat(dir).kind !== 'directory') throw new KustomizeError(`must build at directory: '${dir}': file is not directory`);
  const warnings: string[] = [];
  const { kustomization, warnings: own } = readKustomization(fs, dir);
  warnings.push(...own);
  const resources = accumulate(fs, dir, [], warnings, kustomization);
  for (const r of resources) {
    if (r.needsHash) r.obj.metadata = { ...r.obj.metadata, name: `${nameOf(r.obj)}-${contentHash(r.obj)}` };
  }
  fixNameReferences(resources);
  return { objects: legacyOrder(resources).map((r) => r.obj), warnings };
}

/**
 * A kustomization's resources, generators, components and transformers. A component works on
 * the objects of the kustomization that lists it (`resources`), as its own part of that build.
 */
function accumulate(fs: FileSystem, dir: string, visited: string[], warnings: string[], k: Kustomization, resources: Resource[] = []): Resource[] {
  for (const entry of [...(k.bases ?? []), ...(k.resources ?? [])]) {
    resources.push(...accumulateEntry(fs, dir, entry, [...visited, dir], warnings));
  }
  runGenerators(fs, dir, k, resources);
  for (const entry of k.components ?? []) {
    try {
      accumulateComponent(fs, dir, entry, [...visited, dir], warnings, resources);
    } catch (error) {
      if (!(error instanceof KustomizeError)) throw error;
      throw new KustomizeError(`accumulating components: ${error.message}`);
    }
  }
  transformStrategicMergePatches(fs, dir, resources, k);
  transformPatches(fs, dir, resources, k);
  const objects = () => resources.map((r) => r.obj);
  transformNamespace(objects(), k);
  transformPrefixSuffix(objects(), k);
  transformLabels(objects(), k);
  transformAnnotations(objects(), k);
  transformJson6902Patches(fs, dir, resources, k);
  transformReplicas(resources, k);
  transformImages(objects(), k);
  if (k.replacements) runReplacements(resources, loadReplacements(fs, dir, k.replacements));
  return resources;
}

/** Go's %q of an error text: quoted, `"` and `\` escaped. */
const goQuote = (text: string) => JSON.stringify(text);

/** Models kusttarget.go accumulateComponents and accumulateDirectory with isComponent. */
function accumulateComponent(fs: FileSystem, dir: string, entry: string, visited: string[], warnings: string[], resources: Resource[]): void {
  const path = cleanPath(entry.startsWith('/') ? entry : `${dir}/${entry}`);
  if (!fs.exists(path)) throw new KustomizeError(`loader.New ${goQuote(`must build at directory: not a valid directory: ${missing(path)}`)}`);
  if (fs.stat(path).kind !== 'directory') throw new KustomizeError(`loader.New ${goQuote(`must build at directory: '${path}': file is not directory`)}`);
  const cycle = visited.find((v) => path === v || v.startsWith(`${path}/`));
  if (cycle !== undefined) throw new KustomizeError(`loader.New ${goQuote(`cycle detected: candidate root '${path}' contains visited root '${cycle}'`)}`);
  const failed = (why: string) => new KustomizeError(`accumulateDirectory: ${goQuote(why)}`);
  let loaded;
  try {
    loaded = readKustomization(fs, path);
  } catch (error) {
    if (!(error instanceof KustomizeError)) throw error;
    throw failed(`couldn't make target for path '${path}': ${error.message}`);
  }
  const kind = loaded.kustomization.kind || 'Kustomization';
  if (kind !== 'Component') throw failed(`expected kind 'Component' for path '${path}' but got '${kind}'`);
  warnings.push(...loaded.warnings);
  try {
    accumulate(fs, path, visited, warnings, loaded.kustomization, resources);
  } catch (error) {
    if (!(error instanceof KustomizeError)) throw error;
    throw failed(`recursed accumulation of path '${path}': ${error.message}`);
  }
}

/** One `resources` entry: a file of objects, or a directory holding a kustomization. */
function accumulateEntry(fs: FileSystem, dir: string, entry: string, visited: string[], warnings: string[]): Resource[] {
  const path = cleanPath(entry.startsWith('/') ? entry : `${dir}/${entry}`);
  const fail = (fileError: string, dirError: string) =>
    new KustomizeError(`accumulating resources: accumulation err='accumulating resources from '${entry}': ${fileError}': ${dirError}`);
  if (!fs.exists(path)) throw fail(missing(path), `must build at directory: not a valid directory: ${missing(path)}`);
  if (fs.stat(path).kind !== 'directory') {
    const root = `${visited[visited.length - 1]}/`;
    if (!path.startsWith(root)) {
      throw fail(`security; file '${path}' is not in or below '${root.slice(0, -1)}'`, `must build at directory: '${path}': file is not directory`);
    }
    return resourcesOfText(fs.readFile(path), path);
  }
  const fileError = `'${path}' must resolve to a file`;
  const cycle = visited.find((v) => path === v || v.startsWith(`${path}/`));
  if (cycle !== undefined) throw fail(fileError, `cycle detected: candidate root '${path}' contains visited root '${cycle}'`);
  let loaded;
  try {
    loaded = readKustomization(fs, path);
  } catch (error) {
    if (!(error instanceof KustomizeError)) throw error;
    throw fail(fileError, `couldn't make target for path '${path}': ${error.message}`);
  }
  if (loaded.kustomization.kind === 'Component') throw fail(fileError, `expected kind != 'Component' for path '${path}'`);
  warnings.push(...loaded.warnings);
  try {
    return accumulate(fs, path, visited, warnings, loaded.kustomization);
  } catch (error) {
    if (!(error instanceof KustomizeError)) throw error;
    throw fail(fileError, `recursed accumulation of path '${path}': ${error.message}`);
  }
}
