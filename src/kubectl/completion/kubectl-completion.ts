/**
 * What `kubectl <TAB>` offers with kubectl's bash completion loaded (as on the exam's machines):
 * subcommands, flags of the command being typed, resource types as `kubectl api-resources -o name`
 * names them, object names in the namespace, and the values of `-n`, `-o` and `-c`.
 */
import type { ApiClient, ApiResource, KubeObject } from '../../engine/api/client.ts';
import { GLOBAL_FLAGS, type FlagSpec } from '../flags.ts';
import { kubectlCommands } from '../kubectl.ts';
import { helpTexts, loadHelpTexts } from '../help/help-texts.ts';
import { globalFlags, localFlagsOf, subcommandsOf } from './help-catalog.ts';

/** The last word of a command path that takes `TYPE NAME` or `TYPE/NAME` arguments. */
const TAKES_RESOURCE = new Set([
  'expose',
  'get',
  'describe',
  'delete',
  'edit',
  'label',
  'annotate',
  'patch',
  'scale',
  'status',
  'history',
  'undo',
  'pause',
  'resume',
  'restart',
  'image',
]);
/** Commands whose ValidArgsFunction is SpecifiedResourceTypeAndNameCompletionFunc: these types, then their names. */
const SPECIFIED_TYPES: Record<string, string[]> = {
  scale: ['deployment', 'replicaset', 'replicationcontroller', 'statefulset'],
  expose: ['pod', 'service', 'replicationcontroller', 'deployment', 'replicaset'],
};
/** Commands whose first argument is a pod name. */
const TAKES_POD = new Set(['logs', 'exec']);
/** `kubectl get -o <TAB>`: the printers kubectl get registers. */
const GET_OUTPUT_FORMATS = [
  'json',
  'yaml',
  'kyaml',
  'name',
  'go-template',
  'go-template-file',
  'template',
  'templatefile',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'custom-columns',
  'custom-columns-file',
  'wide',
];

/** A candidate with the description cobra prints after a tab (subcommands and flags have one). */
export interface Candidate {
  word: string;
  description?: string;
}

/** `words` with `filesToo`: the candidates, and file names are fine as well (cobra's ShellCompDirectiveDefault). */
export type KubectlCandidates = { kind: 'words'; words: string[]; described?: Candidate[]; filesToo?: boolean } | { kind: 'paths' };

interface ParsedLine {
  /** Words that are neither flags nor flag values. */
  words: string[];
  /** The flag whose value is being typed, when the previous word is one that takes a value. */
  pendingFlag?: FlagSpec;
  flagValues: Map<string, string>;
}

export async function completeKubectl(args: string[], word: string, api: ApiClient): Promise<KubectlCandidates> {
  await loadHelpTexts();
  const commands = kubectlCommands();
  const allFlags = [...GLOBAL_FLAGS, ...commands.flatMap((c) => c.flags)];
  // Short names repeat across commands (`-c` is logs' --container and set env's --containers):
  // once the command is known, its own flags are looked up first.
  const command = longestCommand(commands, parse(args, allFlags).words);
  const line = command ? parse(args, [...GLOBAL_FLAGS, ...command.flags, ...allFlags]) : parse(args, allFlags);
  const pathLength = command ? command.path.split(' ').length : 0;
  const operands = line.words.slice(pathLength);
  const namespace = line.flagValues.get('namespace') ?? 'default';
  const words = (list: string[]): KubectlCandidates => ({ kind: 'words', words: list });

  if (line.pendingFlag) {
    switch (line.pendingFlag.name) {
      case 'namespace':
        return words(await namesOf(api, 'namespaces', ''));
      case 'output':
        return words(command?.path === 'get' ? GET_OUTPUT_FORMATS : []);
      case 'container':
        return words(await containersOf(api, operands[0], namespace));
      default:
        return { kind: 'paths' };
    }
  }
  const helpPath = longestHelpPath(line.words);
  // Models cobra's completeRequireFlags: required flags not yet given come first, and alone when a flag name is typed.
  const givenFlags = new Set(args.filter((a) => a.startsWith('-')).map((a) => a.replace(/^--?/, '').split('=')[0]!));
  const missing = new Set((command?.flags ?? []).filter((f) => f.required && !givenFlags.has(f.name) && !(f.short && givenFlags.has(f.short))).map((f) => f.name));
  const required: Candidate[] = localFlagsOf(helpPath)
    .filter((f) => missing.has(f.name))
    .flatMap((f) => [{ word: `--${f.name}`, description: f.usage }, ...(f.short && word.length < 2 ? [{ word: `-${f.short}`, description: f.usage }] : [])])
    .filter((c) => c.word.startsWith(word));
  if (word.startsWith('-') && !word.includes('=') && required.length > 0) return { kind: 'words', words: required.map((c) => c.word), described: required };
  if (word.startsWith('-')) {
    // Models cobra's getFlagNameCompletions: inherited flags, then the command's own; a flag
    // already given is offered again only when it may repeat.
    const given = new Set(args.filter((a) => a.startsWith('-')).map((a) => a.replace(/^--?/, '').split('=')[0]!));
    const described = [...globalFlags(), ...localFlagsOf(helpPath)]
      .filter((f) => f.repeatable || !(given.has(f.name) || (f.short !== undefined && given.has(f.short))))
      .flatMap((f) => [{ word: `--${f.name}`, description: f.usage }, ...(f.short ? [{ word: `-${f.short}`, description: f.usage }] : [])]);
    return { kind: 'words', words: described.map((c) => c.word), described };
  }

  const subcommands = subcommandsOf(helpPath);
  if (subcommands.length > 0 && line.words.length === (helpPath === '' ? 0 : helpPath.split(' ').length)) {
    const described = subcommands.map((c) => ({ word: c.name, description: c.description }));
    return { kind: 'words', words: described.map((c) => c.word), described };
  }
  if (helpPath === 'completion') return line.words.length === 1 ? words(['bash', 'zsh', 'fish', 'powershell']) : { kind: 'paths' };
  const next = nextPathWords(commands, line.words);
  if (next.length > 0) return words(next);
  if (!command) return words([]);
  const verb = command.path.split(' ').at(-1)!;
  const argCandidates = await operandCandidates(api, command.path, verb, operands, word, namespace);
  if (required.length === 0) return argCandidates;
  const described = [...required, ...(argCandidates.kind === 'words' ? argCandidates.words.map((w) => ({ word: w })) : [])];
  return { kind: 'words', words: described.map((c) => c.word), described, ...(argCandidates.kind === 'paths' ? { filesToo: true } : {}) };
}

/** What the command's ValidArgsFunction offers for its next operand. */
async function operandCandidates(api: ApiClient, path: string, verb: string, operands: string[], word: string, namespace: string): Promise<KubectlCandidates> {
  const words = (list: string[]): KubectlCandidates => ({ kind: 'words', words: list });
  const specified = SPECIFIED_TYPES[path];
  if (specified && operands.length === 0 && !word.includes('/')) return words(specified);
  if (TAKES_POD.has(verb)) return operands.length === 0 ? words(await namesOf(api, 'pods', namespace)) : { kind: 'paths' };
  if (!TAKES_RESOURCE.has(verb)) return { kind: 'paths' };
  const resources = await api.discover();
  if (operands.length === 0) {
    const slash = word.indexOf('/');
    if (slash > 0) {
      const type = word.slice(0, slash);
      const resource = findResource(resources, type);
      return words(resource ? (await namesOf(api, resource, namespace)).map((n) => `${type}/${n}`) : []);
    }
    return words(resources.filter((r) => r.verbs.includes('get')).map(qualifiedName));
  }
  if (operands[0]!.includes('/')) return words([]);
  const resource = findResource(resources, operands[0]!);
  return words(resource ? await namesOf(api, resource, namespace) : []);
}

/** The longest run of leading words that names a command kubectl has help for ('' for the root). */
function longestHelpPath(words: string[]): string {
  for (let n = words.length; n > 0; n--) {
    const path = words.slice(0, n).join(' ');
    if (helpTexts()[path] !== undefined) return path;
  }
  return '';
}

/** The words of a command line that are neither flags nor their values (`-n kube-system get pods` → `get pods`). */
export function commandWordsOf(args: string[]): string[] {
  return parse(args, [...GLOBAL_FLAGS, ...kubectlCommands().flatMap((c) => c.flags)]).words;
}

function parse(args: string[], flags: FlagSpec[]): ParsedLine {
  const words: string[] = [];
  const flagValues = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq < 0 ? undefined : eq) : arg.slice(1, 2);
    const spec = flags.find((f) => (arg.startsWith('--') ? f.name === name : f.short === name));
    if (!spec || spec.kind === 'bool') continue;
    const inline = arg.startsWith('--') ? (eq < 0 ? undefined : arg.slice(eq + 1)) : arg.length > 2 ? arg.slice(2) : undefined;
    if (inline !== undefined) flagValues.set(spec.name, inline);
    // A flag with a NoOptDefVal (`--dry-run`) takes its value only after `=`, as pflag parses it.
    else if (spec.noOptDefault !== undefined) continue;
    else if (i + 1 < args.length) flagValues.set(spec.name, args[++i]!);
    else return { words, flagValues, pendingFlag: spec };
  }
  return { words, flagValues };
}

function longestCommand<C extends { path: string }>(commands: readonly C[], words: string[]): C | undefined {
  let best: C | undefined;
  for (const command of commands) {
    const path = command.path.split(' ');
    if (path.every((p, i) => words[i] === p) && (!best || path.length > best.path.split(' ').length)) best = command;
  }
  return best;
}

/** The subcommand words that may follow `words` (`rollout` → `history`, `pause`, …). */
function nextPathWords(commands: readonly { path: string }[], words: string[]): string[] {
  return commands
    .map((c) => c.path.split(' '))
    .filter((path) => path.length > words.length && words.every((w, i) => path[i] === w))
    .map((path) => path[words.length]!);
}

/** How `kubectl api-resources -o name` prints a resource: `pods`, `deployments.apps`. */
function qualifiedName(resource: ApiResource): string {
  return resource.group ? `${resource.name}.${resource.group}` : resource.name;
}

function findResource(resources: ApiResource[], type: string): ApiResource | undefined {
  const [name, ...group] = type.split('.');
  return resources.find(
    (r) => (group.length === 0 || r.group === group.join('.')) && (r.name === name || r.singularName === name || r.shortNames.includes(name!) || r.kind.toLowerCase() === name),
  );
}

async function namesOf(api: ApiClient, resource: ApiResource | 'pods' | 'namespaces', namespace: string): Promise<string[]> {
  const target = typeof resource === 'string' ? { group: '', version: 'v1', name: resource, namespaced: resource === 'pods' } : resource;
  const res = await api.request<{ items: KubeObject[] }>({
    verb: 'list',
    group: target.group,
    version: target.version,
    resource: target.name,
    ...(target.namespaced ? { namespace } : {}),
  });
  return res.ok ? res.body.items.map((o) => o.metadata?.name ?? '') : [];
}

async function containersOf(api: ApiClient, pod: string | undefined, namespace: string): Promise<string[]> {
  if (!pod) return [];
  const name = pod.startsWith('pod/') ? pod.slice(4) : pod;
  const res = await api.request<KubeObject & { spec?: { containers?: { name: string }[]; initContainers?: { name: string }[] } }>({
    verb: 'get',
    group: '',
    version: 'v1',
    resource: 'pods',
    namespace,
    name,
  });
  if (!res.ok) return [];
  return [...(res.body.spec?.initContainers ?? []), ...(res.body.spec?.containers ?? [])].map((c) => c.name);
}
