import { describe, expect, it } from 'vitest';
import { expandVars, resolveArgv } from './container-command.ts';

// The webapp-color Dockerfile2 of the Commands and Arguments lab: ENTRYPOINT + CMD.
const dockerfile2 = { entrypoint: ['python', 'app.py'], cmd: ['--color', 'red'] };
const ubuntu = { entrypoint: [], cmd: ['/bin/bash'] };
const ubuntuSleeper = { entrypoint: ['sleep'], cmd: ['5'] };

describe('resolveArgv: image ENTRYPOINT/CMD × pod command/args', () => {
  it.each([
    ['neither: ENTRYPOINT then CMD', dockerfile2, {}, ['python', 'app.py', '--color', 'red']],
    ['args only: ENTRYPOINT then args (CMD replaced)', dockerfile2, { args: ['--color', 'pink'] }, ['python', 'app.py', '--color', 'pink']],
    ['command only: command (ENTRYPOINT replaced, CMD dropped)', dockerfile2, { command: ['--color', 'green'] }, ['--color', 'green']],
    ['both: command then args', dockerfile2, { command: ['python', 'app.py'], args: ['--color', 'pink'] }, ['python', 'app.py', '--color', 'pink']],
    ['no ENTRYPOINT, no override: CMD', ubuntu, {}, ['/bin/bash']],
    ['no ENTRYPOINT, args only: args alone', ubuntu, { args: ['sleep', '5000'] }, ['sleep', '5000']],
    ['ubuntu-sleeper: args replace CMD 5', ubuntuSleeper, { args: ['10'] }, ['sleep', '10']],
    ['ubuntu-sleeper: command replaces sleep', ubuntuSleeper, { command: ['sleep2.0'], args: ['10'] }, ['sleep2.0', '10']],
    ['empty command list counts as unset', dockerfile2, { command: [], args: ['--color', 'blue'] }, ['python', 'app.py', '--color', 'blue']],
  ])('%s', (_name, image, container, argv) => {
    expect(resolveArgv(image, container, {})).toEqual(argv);
  });

  it('expands $(VAR) from the container environment in command and args, not in the image', () => {
    const env = { COLOR: 'green' };
    expect(resolveArgv({ entrypoint: ['echo', '$(COLOR)'], cmd: [] }, { args: ['$(COLOR)'] }, env)).toEqual(['echo', '$(COLOR)', 'green']);
    expect(resolveArgv(dockerfile2, { command: ['sh', '-c', 'echo $(COLOR) $$(COLOR) $(MISSING)'] }, env)).toEqual(['sh', '-c', 'echo green $(COLOR) $(MISSING)']);
  });

  it.each([
    ['$(A)$(B)', 'ab'],
    ['$$', '$'],
    ['$(A', '$(A'],
    ['cost: $5', 'cost: $5'],
  ])('expandVars(%s) = %s', (input, output) => {
    expect(expandVars(input, { A: 'a', B: 'b' })).toBe(output);
  });
});
