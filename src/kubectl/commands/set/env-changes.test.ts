import { describe, expect, it } from 'vitest';
import { KubectlError } from '../../errors.ts';
import { overwriteError, parseEnv, splitEnvironmentFromResources, updateEnv } from './env-changes.ts';

const ENV_NAME_RULE =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

function parsed(specs: string[], stdin = ''): unknown {
  try {
    return parseEnv(specs, stdin);
  } catch (error) {
    if (error instanceof KubectlError) return error.message;
    throw error;
  }
}

// Ports pkg/cmd/set/env/env_parse_test.go's examples, keeping their names.
describe('parseEnv', () => {
  const cases = [
    {
      name: 'ExampleParseEnv_good_with_stdin',
      specs: ['ENV=VARIABLE', 'ENV.TEST=VARIABLE', 'AND=ANOTHER', 'REMOVE-', '-'],
      stdin: 'FROM=READER',
      want: {
        env: [
          { name: 'ENV', value: 'VARIABLE' },
          { name: 'ENV.TEST', value: 'VARIABLE' },
          { name: 'AND', value: 'ANOTHER' },
          { name: 'FROM', value: 'READER' },
        ],
        remove: ['REMOVE'],
      },
    },
    {
      name: 'ExampleParseEnv_bad_first_arg',
      specs: ['-', 'This not in the key=value format.'],
      stdin: '',
      want: `error: "This not in the key" is not a valid key name: ${ENV_NAME_RULE}`,
    },
    {
      name: 'ExampleParseEnv_good',
      specs: ['ENV=VARIABLE', 'ENV.TEST=VARIABLE', 'AND=ANOTHER', 'REMOVE-'],
      stdin: '',
      want: {
        env: [
          { name: 'ENV', value: 'VARIABLE' },
          { name: 'ENV.TEST', value: 'VARIABLE' },
          { name: 'AND', value: 'ANOTHER' },
        ],
        remove: ['REMOVE'],
      },
    },
    { name: 'ExampleParseEnv_bad', specs: ['This not in the key=value format.'], stdin: '', want: `error: "This not in the key" is not a valid key name: ${ENV_NAME_RULE}` },
    { name: 'ExampleParseEnv_bad_dot', specs: ['.=VARIABLE'], stdin: '', want: `error: "." is not a valid key name: must not be '.'` },
    { name: 'ExampleParseEnv_bad_double_dot', specs: ['..=VARIABLE'], stdin: '', want: `error: ".." is not a valid key name: must not be '..'` },
    { name: 'ExampleParseEnv_bad_starts_with_double_dot', specs: ['..ENV=VARIABLE'], stdin: '', want: `error: "..ENV" is not a valid key name: must not start with '..'` },
    { name: 'modify and remove together', specs: ['A=1', 'A-'], stdin: '', want: 'error: can not both modify and remove the same environment variable in the same command' },
    {
      name: 'stdin comments',
      specs: ['-'],
      stdin: 'A=1 # one\n# only a comment\nB=2',
      want: {
        env: [
          { name: 'A', value: '1 ' },
          { name: 'B', value: '2' },
        ],
        remove: [],
      },
    },
  ];
  it.each(cases)('$name', ({ specs, stdin, want }) => expect(parsed(specs, stdin)).toEqual(want));
});

describe('splitEnvironmentFromResources', () => {
  const cases = [
    {
      name: 'ExampleSplitEnvironmentFromResources',
      args: ['resource', 'ENV\\=ARG', 'ONE\\=MORE', 'DASH-'],
      want: { resources: ['resource'], envArgs: ['ENV\\=ARG', 'ONE\\=MORE', 'DASH-'] },
    },
    { name: 'a resource after a change', args: ['deployment/web', 'A=1', 'deployment/api'], want: undefined },
    { name: 'a bare key is a resource', args: ['deployment/web', 'FOO'], want: { resources: ['deployment/web', 'FOO'], envArgs: [] } },
  ];
  it.each(cases)('$name', ({ args, want }) => expect(splitEnvironmentFromResources(args)).toEqual(want));
});

// Ports TestUpdateEnv of pkg/cmd/set/helper_test.go.
describe('updateEnv', () => {
  const env1 = { name: 'env1', value: 'env1' };
  const env2 = { name: 'env2', value: 'env2' };
  const env3 = { name: 'env3', value: 'env3' };
  const cases = [
    { name: 'case 1: add a new and remove another one', existing: [env1], add: [env2], remove: ['env1'], want: [env2] },
    { name: 'case 2: in a collection of multiple env, add a new and remove another one', existing: [env1, env2], add: [env3], remove: ['env1'], want: [env2, env3] },
    { name: 'case 3: items added are deduplicated', existing: [env1], add: [env2, env2], remove: ['env1'], want: [env2] },
    { name: 'case 4: multi add and single remove', existing: [env1], add: [env2, env2, env2, env3], remove: ['env1'], want: [env2, env3] },
    { name: 'case 5: add and remove the same env', existing: [env1], add: [env2, env1], remove: ['env1', 'env1'], want: [env2] },
    { name: 'case 6: existing duplicate unmodified by unrelated addition', existing: [env1, env1], add: [env2], remove: [], want: [env1, env1, env2] },
    { name: 'case 7: existing duplicate removed when added yet again', existing: [env1, env1, env2], add: [env1], remove: [], want: [env1, env2] },
  ];
  it.each(cases)('$name', ({ existing, add, remove, want }) => expect(updateEnv(existing, add, remove)).toEqual(want));
});

describe('overwriteError', () => {
  it('names the first variable whose value would change', () => {
    expect(overwriteError([{ name: 'A', value: '1' }], [{ name: 'A', value: '2' }])).toBe("'A' already has a value (1), and --overwrite is false");
  });
  it('lets the same value through', () => {
    expect(overwriteError([{ name: 'A', value: '1' }], [{ name: 'A', value: '1' }])).toBeUndefined();
  });
});
