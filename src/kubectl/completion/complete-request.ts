/**
 * `kubectl __complete ARGS… TO_COMPLETE`: cobra's hidden completion request, which the scripts of
 * `kubectl completion` call on every Tab. Prints one candidate a line (a tab, then its description,
 * unless `__completeNoDesc`), then `:<directive>`, and names the directive on stderr.
 * Models spf13/cobra completions.go (initCompleteCmd, getCompletions, ShellCompDirective.string).
 */
import type { ApiClient } from '../../engine/api/client.ts';
import type { CommandContext } from '../../shell/command.ts';
import { helpTexts, loadHelpTexts } from '../help/help-texts.ts';
import { type Candidate, commandWordsOf, completeKubectl } from './kubectl-completion.ts';

/** cobra's ShellCompDirective bits, in the order its string() names them. */
const DIRECTIVES: [number, string][] = [
  [1, 'ShellCompDirectiveError'],
  [2, 'ShellCompDirectiveNoSpace'],
  [4, 'ShellCompDirectiveNoFileComp'],
  [8, 'ShellCompDirectiveFilterFileExt'],
  [16, 'ShellCompDirectiveFilterDirs'],
  [32, 'ShellCompDirectiveKeepOrder'],
];
const NO_FILE_COMP = 4;

export const COMPLETE_REQUESTS = new Set(['__complete', '__completeNoDesc']);

export async function runCompleteRequest(argv: string[], ctx: CommandContext, api: ApiClient): Promise<number> {
  await loadHelpTexts();
  const withDescriptions = argv[0] === '__complete';
  const args = argv.slice(1, -1);
  const toComplete = argv.length > 1 ? argv.at(-1)! : '';
  const first = commandWordsOf(args)[0];
  // An unknown command is handed to kubectl's plugin completion, which finds no plugin here.
  if (first !== undefined && helpTexts()[first] === undefined) {
    ctx.stderr.write(`[Debug] Cleared global flags for plugin completion\n[Debug] [Error] unable to find a command for arguments: [${args.join(' ')}]\n`);
    return finish(ctx, [], 0);
  }
  // `--namespace=<TAB>` completes the flag's value: cobra splits the word at its `=`.
  const inline = /^(--?[\w-]+)=(.*)$/s.exec(toComplete);
  const result = inline ? await completeKubectl([...args, inline[1]!], inline[2]!, api) : await completeKubectl(args, toComplete, api);
  if (result.kind === 'paths') return finish(ctx, [], 0);
  const prefix = inline ? inline[2]! : toComplete;
  const candidates: Candidate[] = result.described ?? result.words.map((word) => ({ word }));
  const lines = candidates.filter((c) => c.word.startsWith(prefix)).map((c) => (withDescriptions && c.description ? `${c.word}\t${c.description.split('\n')[0]!.trim()}` : c.word));
  return finish(ctx, lines, result.filesToo ? 0 : NO_FILE_COMP);
}

function finish(ctx: CommandContext, lines: string[], directive: number): number {
  ctx.stdout.write(lines.map((line) => `${line}\n`).join('') + `:${directive}\n`);
  const names = DIRECTIVES.filter(([bit]) => (directive & bit) !== 0).map(([, name]) => name);
  ctx.stderr.write(`Completion ended with directive: ${names.length > 0 ? names.join(', ') : 'ShellCompDirectiveDefault'}\n`);
  return 0;
}
