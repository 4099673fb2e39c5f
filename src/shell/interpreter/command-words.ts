/**
 * A simple command's words expanded into its argv: an alias replaces the first word; after
 * `local`/`declare`/`typeset` a `name=(…)` argument reaches the builtin unexpanded, as bash's
 * parser hands it over; inside `[[ ]]` words neither split nor glob, and an empty one stays an operand.
 */
import type { Word } from '../ast.ts';
import { literalText } from '../token-cursor.ts';
import { aliasWords } from './command-lookup.ts';
import { arrayArgument } from './declaration-builtins.ts';
import { expandWord, expandWordToString } from './expansion.ts';
import type { Interpreter } from './interpreter.ts';
import { CHECKPOINT_EVERY, type Io } from './shell-state.ts';

const DECLARATION_COMMANDS = new Set(['local', 'declare', 'typeset']);
/** Words expanded between two checkpoints: a command of thousands of words (`eval $x`) yields; a usual one never pauses here. */
const WORD_SLICE = 512;

export async function expandCommandWords(sh: Interpreter, words: Word[], io: Io): Promise<string[]> {
  const argv: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (i > 0 && i % WORD_SLICE === 0) await sh.checkpoint(CHECKPOINT_EVERY);
    const word = words[i]!;
    if (i === 0) {
      const alias = aliasWords(sh.state.aliases, word);
      if (alias) {
        argv.push(...alias);
        continue;
      }
    }
    if (word.array && DECLARATION_COMMANDS.has(argv[0] ?? '')) argv.push(arrayArgument(literalText(word) ?? '', word.array));
    else if (argv[0] === '[[') argv.push(await expandWordToString(sh, word, io));
    else for (const field of await expandWord(sh, word, io)) argv.push(field);
  }
  return argv;
}
