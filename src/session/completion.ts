/**
 * Tab completion for the terminal: command names first, then kubectl's verbs, resource types and
 * the names of objects in the namespace, and file paths everywhere else.
 */
import type { ApiClient, KubeObject } from '../engine/api/client.ts';
import type { FileSystem } from '../lib/file-system.ts';
import { resolvePath } from '../shell/fs/resolve-path.ts';

const KUBECTL_VERBS = ['annotate', 'api-resources', 'apply', 'create', 'delete', 'describe', 'edit', 'exec', 'get', 'label', 'logs', 'patch', 'replace', 'rollout', 'run', 'scale', 'set', 'version'];
const SUBCOMMANDS: Record<string, string[]> = {
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  set: ['image'],
  create: ['configmap', 'deployment', 'namespace', 'secret'],
};
const TAKES_RESOURCE = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'status', 'history', 'undo', 'pause', 'resume', 'restart', 'image', 'logs', 'exec']);

export interface Completion {
  /** Where the word being completed starts in the line. */
  from: number;
  candidates: string[];
}

export async function complete(line: string, deps: { commands: string[]; api: ApiClient; fs: FileSystem; cwd: string; aliases: ReadonlyMap<string, string> }): Promise<Completion> {
  const from = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t')) + 1;
  const word = line.slice(from);
  const before = line.slice(0, from).trim().split(/\s+/).filter(Boolean);
  const match = (options: string[]) => ({ from, candidates: [...new Set(options)].filter((o) => o.startsWith(word)).sort() });
  if (before.length === 0) return match(deps.commands);
  const program = deps.aliases.get(before[0]!) ?? before[0];
  if (program !== 'kubectl') return paths(from, word, deps);
  const words = before.slice(1).filter((w) => !w.startsWith('-'));
  const namespace = namespaceOf(before);
  if (words.length === 0) return match(KUBECTL_VERBS);
  const sub = SUBCOMMANDS[words[0]!];
  if (sub && words.length === 1) return match(sub);
  const verb = sub ? words[1]! : words[0]!;
  const args = words.slice(sub ? 2 : 1);
  if (before.at(-1) === '-f' || before.at(-1) === '--filename') return paths(from, word, deps);
  if (!TAKES_RESOURCE.has(verb)) return paths(from, word, deps);
  const resources = await deps.api.discover();
  if (verb === 'logs' || verb === 'exec') return match(await names(deps.api, resources.find((r) => r.name === 'pods')!, namespace));
  if (args.length === 0) {
    const slash = word.indexOf('/');
    if (slash > 0) {
      const type = word.slice(0, slash);
      const resource = resources.find((r) => r.name === type || r.singularName === type || r.shortNames.includes(type));
      return match(resource ? (await names(deps.api, resource, namespace)).map((n) => `${type}/${n}`) : []);
    }
    return match(resources.flatMap((r) => [r.name, ...r.shortNames]));
  }
  const type = args[0]!;
  const resource = resources.find((r) => r.name === type || r.singularName === type || r.shortNames.includes(type) || r.kind.toLowerCase() === type);
  return match(resource ? await names(deps.api, resource, namespace) : []);
}

function namespaceOf(words: string[]): string {
  const i = words.findIndex((w) => w === '-n' || w === '--namespace');
  if (i >= 0 && words[i + 1]) return words[i + 1]!;
  const inline = words.find((w) => w.startsWith('--namespace='));
  return inline ? inline.slice('--namespace='.length) : 'default';
}

async function names(api: ApiClient, resource: { group: string; version: string; name: string; namespaced: boolean }, namespace: string): Promise<string[]> {
  const res = await api.request<{ items: KubeObject[] }>({ verb: 'list', group: resource.group, version: resource.version, resource: resource.name, ...(resource.namespaced ? { namespace } : {}) });
  return res.ok ? res.body.items.map((o) => o.metadata?.name ?? '') : [];
}

function paths(from: number, word: string, deps: { fs: FileSystem; cwd: string }): Completion {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const prefix = word.slice(slash + 1);
  const dir = resolvePath(deps.cwd, dirPart || '.');
  let entries: string[] = [];
  try {
    entries = deps.fs.readdir(dir);
  } catch {
    entries = [];
  }
  const candidates = entries
    .filter((e) => e.startsWith(prefix) && (prefix.startsWith('.') || !e.startsWith('.')))
    .map((e) => dirPart + e + (deps.fs.stat(resolvePath(dir, e)).kind === 'directory' ? '/' : ''));
  return { from, candidates: candidates.sort() };
}
