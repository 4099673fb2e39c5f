/**
 * Which kubeconfig files kubectl reads and how they merge: `--kubeconfig` alone, else every
 * existing file of `KUBECONFIG` (the first to name a stanza or the current context wins), else
 * `$HOME/.kube/config`. Writes go back to the file that defines the stanza, a new stanza to the
 * first existing file, or the last file of the list when none exists.
 * Models client-go tools/clientcmd loader.go ClientConfigLoadingRules and config.go ModifyConfig.
 */
import type { FileSystem } from '../../lib/file-system.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { KubectlError } from '../errors.ts';
import { decodeKubeconfig, emptyKubeconfig, KubeconfigDecodeError, kubeconfigYaml, SECTIONS, type KubeconfigDocument } from './kubeconfig-document.ts';

export interface KubeconfigFile {
  /** As the user gave it (messages name it so). */
  path: string;
  absolutePath: string;
  exists: boolean;
  document: KubeconfigDocument;
}

export interface KubeconfigFiles {
  files: KubeconfigFile[];
  merged: KubeconfigDocument;
  /** `--kubeconfig` named the only file. */
  explicit: boolean;
}

export interface KubeconfigSource {
  fs: FileSystem;
  cwd: string;
  env: Map<string, string>;
  /** `--kubeconfig`. */
  kubeconfig?: string;
}

/** The files in precedence order, each decoded; a broken one fails as kubectl's loader does. */
export function loadKubeconfigFiles(source: KubeconfigSource): KubeconfigFiles {
  const home = source.env.get('HOME') ?? '/root';
  const explicit = source.kubeconfig !== undefined && source.kubeconfig !== '';
  const env = source.env.get('KUBECONFIG') ?? '';
  const paths = explicit ? [source.kubeconfig!] : env !== '' ? dedupe(env.split(':').filter((p) => p !== '')) : [`${home}/.kube/config`];
  const files = paths.map((path) => readFile(source, path, home));
  const merged = emptyKubeconfig();
  for (const file of files) mergeInto(merged, file.document);
  return { files, merged, explicit };
}

function dedupe(paths: string[]): string[] {
  return [...new Set(paths)];
}

function readFile(source: KubeconfigSource, path: string, home: string): KubeconfigFile {
  const absolutePath = resolvePath(source.cwd, path, home);
  if (!source.fs.exists(absolutePath) || source.fs.stat(absolutePath).kind !== 'file') return { path, absolutePath, exists: false, document: emptyKubeconfig() };
  try {
    return { path, absolutePath, exists: true, document: decodeOnce(source.fs.readFile(absolutePath)) };
  } catch (error) {
    if (error instanceof KubeconfigDecodeError) throw new KubectlError(`error: error loading config file "${path}": ${error.message}`);
    throw error;
  }
}

/**
 * Every kubectl command reads the kubeconfig, and parsing its YAML is most of what a short command
 * costs; the file rarely changes, so the last text's document is kept, frozen. Each caller gets
 * its own document and lists (saveKubeconfig edits those) around the shared, frozen entries.
 */
let lastDecoded: { text: string; document: KubeconfigDocument } | undefined;

function decodeOnce(text: string): KubeconfigDocument {
  if (lastDecoded?.text !== text) lastDecoded = { text, document: deepFreeze(decodeKubeconfig(text)) };
  const shared = lastDecoded.document;
  return { ...shared, clusters: [...shared.clusters], users: [...shared.users], contexts: [...shared.contexts] };
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}

function mergeInto(into: KubeconfigDocument, from: KubeconfigDocument): void {
  if (into.currentContext === '') into.currentContext = from.currentContext;
  for (const section of SECTIONS) {
    for (const entry of from[section.key]) if (!into[section.key].some((e) => e.name === entry.name)) into[section.key].push(entry);
  }
  into[SECTIONS[0]!.key].sort(byName);
  into[SECTIONS[1]!.key].sort(byName);
  into[SECTIONS[2]!.key].sort(byName);
}

// client-go keeps stanzas in maps; every encoder writes them sorted by name.
function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Where a new stanza goes: the first existing file, else the last one named. */
function destination(files: KubeconfigFile[]): KubeconfigFile {
  return files.find((f) => f.exists) ?? files[files.length - 1]!;
}

/**
 * Writes `next` (the changed merged view) back: each changed or new stanza to its file, each
 * removed stanza out of every file holding it, the current context where it was set.
 */
export function saveKubeconfig(loaded: KubeconfigFiles, next: KubeconfigDocument, fs: FileSystem): void {
  const dirty = new Set<KubeconfigFile>();
  if (next.currentContext !== loaded.merged.currentContext) {
    const file = loaded.files.find((f) => f.document.currentContext !== '') ?? destination(loaded.files);
    file.document.currentContext = next.currentContext;
    dirty.add(file);
  }
  for (const section of SECTIONS) {
    const before = loaded.merged[section.key];
    for (const entry of next[section.key]) {
      const old = before.find((e) => e.name === entry.name);
      if (old && JSON.stringify(old.value) === JSON.stringify(entry.value)) continue;
      const file = loaded.files.find((f) => f.document[section.key].some((e) => e.name === entry.name)) ?? destination(loaded.files);
      const list = file.document[section.key];
      const at = list.findIndex((e) => e.name === entry.name);
      if (at >= 0) list[at] = entry;
      else list.push(entry);
      list.sort(byName);
      dirty.add(file);
    }
    for (const entry of before) {
      if (next[section.key].some((e) => e.name === entry.name)) continue;
      for (const file of loaded.files) {
        const list = file.document[section.key];
        const at = list.findIndex((e) => e.name === entry.name);
        if (at < 0) continue;
        list.splice(at, 1);
        dirty.add(file);
      }
    }
  }
  for (const file of dirty) {
    const dir = file.absolutePath.slice(0, file.absolutePath.lastIndexOf('/')) || '/';
    if (!fs.exists(dir)) fs.mkdir(dir, { recursive: true });
    fs.writeFile(file.absolutePath, kubeconfigYaml(file.document), { mode: 0o600 });
    file.exists = true;
  }
}

/** A deep copy of the merged view to change and hand to saveKubeconfig. */
export function editableCopy(document: KubeconfigDocument): KubeconfigDocument {
  return JSON.parse(JSON.stringify(document)) as KubeconfigDocument;
}
