/**
 * What a `complete -F` function sees when Tab runs it (bash's pcomplete.c gen_shell_function_matches):
 * COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT, COMP_TYPE and COMP_KEY, and the arguments
 * `command word previous-word`; its COMPREPLY is the candidates.
 */
import type { ShellState } from './interpreter/shell-state.ts';
import { arrayValues, unsetVariable } from './interpreter/variables.ts';

/**
 * bash-completion's `_init_completion` and `_get_comp_words_by_ref`, which the exam's machines
 * load in every interactive bash and kubectl's script calls. Our own minimal reading: the words
 * are already split at blanks only, so `-n =:` (keep `=` and `:` in words) has nothing to undo.
 */
export const BASH_COMPLETION_FUNCTIONS = `_get_comp_words_by_ref() {
    while [ $# -gt 0 ]; do
        case $1 in
        -n|-i) shift 2 ;;
        -*) shift ;;
        *) break ;;
        esac
    done
    local name
    for name in "$@"; do
        case $name in
        cur) cur=\${COMP_WORDS[COMP_CWORD]} ;;
        prev) prev=\${COMP_WORDS[COMP_CWORD-1]} ;;
        words) words=("\${COMP_WORDS[@]}") ;;
        cword) cword=$COMP_CWORD ;;
        esac
    done
}
_init_completion() {
    COMPREPLY=()
    _get_comp_words_by_ref "$@" cur prev words cword
}
`;

export interface CompletionRequest {
  /** The line up to the cursor, and its words as bash splits them (the last one being completed, maybe empty). */
  line: string;
  words: string[];
}

/** Sets COMP_* for the call; returns the command that calls the function with bash's three arguments. */
export function prepareCompletionCall(state: ShellState, fn: string, request: CompletionRequest): string {
  const { words, line } = request;
  const cword = words.length - 1;
  state.arrays.set('COMP_WORDS', { assoc: false, values: new Map(words.map((w, i) => [String(i), w])) });
  state.vars.set('COMP_CWORD', String(cword));
  state.vars.set('COMP_LINE', line);
  state.vars.set('COMP_POINT', String(line.length));
  // 9 is Tab's character, and the type of a normal completion.
  state.vars.set('COMP_TYPE', '9');
  state.vars.set('COMP_KEY', '9');
  if (!state.vars.has('COMP_WORDBREAKS')) state.vars.set('COMP_WORDBREAKS', ' \t\n"\'><=;|&(:');
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  return `${fn} ${quote(words[0] ?? '')} ${quote(words[cword] ?? '')} ${quote(cword > 0 ? words[cword - 1]! : '')}`;
}

/** Reads COMPREPLY and drops the COMP_* variables, which bash only sets for the call. */
export function finishCompletionCall(state: ShellState): string[] {
  const candidates = arrayValues(state, 'COMPREPLY');
  for (const name of ['COMP_WORDS', 'COMP_CWORD', 'COMP_LINE', 'COMP_POINT', 'COMP_TYPE', 'COMP_KEY']) unsetVariable(state, name);
  return candidates;
}
