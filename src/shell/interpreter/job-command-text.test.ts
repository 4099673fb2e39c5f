import { describe, expect, it } from 'vitest';
import { parse } from '../parser.ts';
import { jobCommandText } from './job-command-text.ts';

// Expected texts recorded from bash 5.2.15's `jobs` after `LINE &` at an interactive prompt.
describe('a background job as jobs prints it', () => {
  const cases: { name: string; line: string; text: string }[] = [
    { name: 'a while loop', line: 'while true; do sleep 1; done', text: 'while true; do\n    sleep 1;\ndone' },
    { name: 'an until loop', line: 'until false; do sleep 1; done', text: 'until false; do\n    sleep 1;\ndone' },
    { name: 'a for loop puts do on its own line', line: 'for i in 1 2; do sleep 5; done', text: 'for i in 1 2;\ndo\n    sleep 5;\ndone' },
    { name: 'a for loop over the positional parameters', line: 'for i; do sleep 1; done', text: 'for i in "$@";\ndo\n    sleep 1;\ndone' },
    { name: 'an if', line: 'if true; then sleep 5; fi', text: 'if true; then\n    sleep 5;\nfi' },
    {
      name: 'an elif is an if in the else branch',
      line: 'if false; then :; elif true; then sleep 5; else sleep 6; fi',
      text: 'if false; then\n    :;\nelse\n    if true; then\n        sleep 5;\n    else\n        sleep 6;\n    fi;\nfi',
    },
    {
      name: 'a case',
      line: 'case x in x) sleep 5;; y|z) :;; esac',
      text: 'case x in \n    x)\n        sleep 5\n    ;;\n    y | z)\n        :\n    ;;\nesac',
    },
    { name: 'groups stay on one line', line: '{ sleep 5; echo a; }', text: '{ sleep 5; echo a; }' },
    { name: 'a subshell', line: '( sleep 5; echo a )', text: '( sleep 5; echo a )' },
    { name: 'an and-or list', line: 'sleep 5 && echo a || echo b', text: 'sleep 5 && echo a || echo b' },
    { name: 'a body of several items on one line', line: 'while true; do sleep 1 | cat & echo b; done', text: 'while true; do\n    sleep 1 | cat & echo b;\ndone' },
    {
      name: 'nested loops indent one level each',
      line: 'for i in a b; do for j in c; do sleep 5; done; done',
      text: 'for i in a b;\ndo\n    for j in c;\n    do\n        sleep 5;\n    done;\ndone',
    },
    {
      name: 'a case in a loop',
      line: 'while true; do case a in a) echo 1; sleep 2;; esac; done',
      text: 'while true; do\n    case a in \n        a)\n            echo 1; sleep 2\n        ;;\n    esac;\ndone',
    },
    { name: 'a redirected loop', line: 'while true; do x=1; done >/dev/null', text: 'while true; do\n    x=1;\ndone > /dev/null' },
  ];
  it.each(cases)('$name', ({ line, text }) => {
    expect(jobCommandText(parse(line).items[0]!)).toBe(text);
  });
});
