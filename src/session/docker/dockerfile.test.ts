import { describe, expect, it } from 'vitest';
import { parseDockerfile } from './dockerfile.ts';

describe('parseDockerfile', () => {
  const cases = [
    {
      name: 'takes a CMD in shell form through /bin/sh -c',
      text: 'FROM ubuntu\nCMD sleep 5\n',
      expected: {
        ok: true,
        instructions: [
          { kind: 'FROM', line: 1, image: 'ubuntu' },
          { kind: 'CMD', line: 2, argv: ['/bin/sh', '-c', 'sleep 5'] },
        ],
      },
    },
    {
      name: 'takes a JSON array as the exec form, one word an element',
      text: 'FROM ubuntu\nENTRYPOINT ["sleep"]\nCMD ["5"]\n',
      expected: {
        ok: true,
        instructions: [
          { kind: 'FROM', line: 1, image: 'ubuntu' },
          { kind: 'ENTRYPOINT', line: 2, argv: ['sleep'] },
          { kind: 'CMD', line: 3, argv: ['5'] },
        ],
      },
    },
    {
      name: 'keeps "sleep 5" as one element: the program the runtime will look for',
      text: 'FROM ubuntu\nCMD ["sleep 5"]',
      expected: {
        ok: true,
        instructions: [
          { kind: 'FROM', line: 1, image: 'ubuntu' },
          { kind: 'CMD', line: 2, argv: ['sleep 5'] },
        ],
      },
    },
    {
      name: 'runs an array that is not JSON (single quotes) through the shell, brackets and all',
      text: "FROM ubuntu\nCMD ['sleep','5']",
      expected: {
        ok: true,
        instructions: [
          { kind: 'FROM', line: 1, image: 'ubuntu' },
          { kind: 'CMD', line: 2, argv: ['/bin/sh', '-c', "['sleep','5']"] },
        ],
      },
    },
    {
      name: 'reads ENV pairs, quoted values, the legacy form, comments, lower case and continuations',
      text: '# base\nfrom ubuntu AS base\nENV A=1 B="two words"\nENV C three words\nrun apt-get update && \\\n    apt-get install -y curl\nWORKDIR /opt\n',
      expected: {
        ok: true,
        instructions: [
          { kind: 'FROM', line: 2, image: 'ubuntu' },
          {
            kind: 'ENV',
            line: 3,
            pairs: [
              ['A', '1'],
              ['B', 'two words'],
            ],
          },
          { kind: 'ENV', line: 4, pairs: [['C', 'three words']] },
          { kind: 'RUN', line: 5, text: 'apt-get update &&     apt-get install -y curl' },
          { kind: 'WORKDIR', line: 7, path: '/opt' },
        ],
      },
    },
    {
      name: 'refuses an unknown instruction with its line',
      text: 'FROM ubuntu\nSLEEP 5\n',
      expected: { ok: false, message: 'dockerfile parse error on line 2: unknown instruction: SLEEP' },
    },
    { name: 'refuses a file that does not start with FROM', text: 'CMD ["sleep","5"]\n', expected: { ok: false, message: 'no build stage in current context' } },
    { name: 'refuses an empty file', text: '# nothing\n', expected: { ok: false, message: 'the Dockerfile cannot be empty' } },
  ];
  it.each(cases)('$name', ({ text, expected }) => {
    expect(parseDockerfile(text)).toEqual(expected);
  });
});
