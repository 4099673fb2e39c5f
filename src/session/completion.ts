/**
 * Tab completion for the terminal: command names first, kubectl's own completion after `kubectl`
 * (or an alias of it), and file paths everywhere else.
 */
import type { ApiClient } from '../engine/api/client.ts';
import type { FileSystem } from '../lib/file-system.ts';
import { completeKubectl } from '../kubectl/completion/kubectl-completion.ts';
import { completePath } from './path-completion.ts';

const KUBECTL_COMPLETION = '__start_kubectl';

export interface Completion {
  /** Where the word being completed starts in the line. */
  from: number;
  candidates: string[];
}

export async function complete(
  line: string,
  deps: {
    commands: string[];
    api: ApiClient;
    fs: FileSystem;
    cwd: string;
    aliases: ReadonlyMap<string, string>;
    completionFunctions?: ReadonlyMap<string, string>;
    /** Runs a `complete -F` function defined in the shell (the real kubectl script, sourced). */
    runCompletionFunction?: (command: string, line: string, words: string[]) => Promise<{ candidates: string[]; options: Set<string> } | undefined>;
  },
): Promise<Completion> {
  const from = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t')) + 1;
  const word = line.slice(from);
  const before = line.slice(0, from).trim().split(/\s+/).filter(Boolean);
  if (before.length > 0 && deps.runCompletionFunction) {
    const ran = await deps.runCompletionFunction(before[0]!, line, [...before, word]);
    if (ran) {
      // bash replaces the text after the last of COMP_WORDBREAKS' characters: `-n=kube<TAB>` keeps `-n=`.
      const replaced = Math.max(from, line.lastIndexOf('=') + 1, line.lastIndexOf(':') + 1);
      if (ran.candidates.length === 0 && ran.options.has('default')) return { from, candidates: completePath(word, deps) };
      return { from: replaced, candidates: ran.options.has('nosort') ? [...new Set(ran.candidates)] : [...new Set(ran.candidates)].sort() };
    }
  }
  const matching = (options: string[]) => ({ from, candidates: [...new Set(options)].filter((o) => o.startsWith(word)).sort() });
  if (before.length === 0) return matching(deps.commands);
  const expanded = [...(deps.aliases.get(before[0]!) ?? before[0]!).split(/\s+/), ...before.slice(1)];
  // `complete -F __start_kubectl NAME` (what `source <(kubectl completion bash)` sets up for kubectl) completes NAME as kubectl.
  if (deps.completionFunctions?.get(before[0]!) === KUBECTL_COMPLETION) expanded[0] = 'kubectl';
  if (expanded[0] !== 'kubectl') return { from, candidates: completePath(word, deps) };
  const kubectl = await completeKubectl(expanded.slice(1), word, deps.api);
  return kubectl.kind === 'paths' ? { from, candidates: completePath(word, deps) } : matching(kubectl.words);
}
