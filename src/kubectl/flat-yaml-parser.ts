/**
 * The yaml package's CST Parser, except that closing many collections at once runs in a loop.
 * The package closes a collection that cannot take the next token by popping it and stepping
 * again, recursively, three generator frames per level: a key back at column 0 after a block
 * mapping 2,000 levels deep, or block lines inside an unclosed `{` (each line nests one deeper),
 * exhausts the stack. go-yaml reads the first up to 10,000 levels and fails the second with an
 * error, so neither may crash.
 * Every recursive `step()` in yaml 2.x's parser is the last thing its caller does, so running it
 * after the caller returns, in the same order, builds the same tokens.
 */
import { Parser } from 'yaml';

type Step = (this: Parser) => Generator<unknown, void>;

export function newFlatYamlParser(onNewLine: (offset: number) => void): Parser {
  const parser = new Parser(onNewLine);
  const internals = parser as unknown as { step: Step };
  const step = internals.step;
  let running = false;
  let again = false;
  internals.step = function* flatStep(this: Parser) {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        yield* step.call(this);
      } while (again);
    } finally {
      running = false;
    }
  };
  return parser;
}
