import { describe, expect, it } from 'vitest';
import { effectiveArgv, normalizeArgv, sameArgv, splitWords } from './effective-argv.ts';

const webapp = { entrypoint: ['python', 'app.py'], cmd: [] };
const dockerfile2 = { entrypoint: ['python', 'app.py'], cmd: ['--color', 'red'] };
const busybox = { entrypoint: [], cmd: ['sh'] };

describe('effectiveArgv', () => {
  const cases = [
    { name: 'runs ENTRYPOINT + CMD when neither command nor args is set', image: dockerfile2, container: {}, argv: ['python', 'app.py', '--color', 'red'] },
    { name: 'keeps ENTRYPOINT and replaces CMD with args', image: dockerfile2, container: { args: ['--color', 'pink'] }, argv: ['python', 'app.py', '--color', 'pink'] },
    { name: 'replaces ENTRYPOINT and drops CMD with command', image: dockerfile2, container: { command: ['--color', 'green'] }, argv: ['--color', 'green'] },
    { name: 'appends args to command', image: dockerfile2, container: { command: ['python', 'app.py'], args: ['--color', 'pink'] }, argv: ['python', 'app.py', '--color', 'pink'] },
    { name: 'runs the CMD of an image without ENTRYPOINT', image: busybox, container: {}, argv: ['sh'] },
    { name: 'runs args alone when the image has no ENTRYPOINT', image: busybox, container: { args: ['sleep', '20'] }, argv: ['sleep', '20'] },
    { name: 'treats an empty command as unset', image: webapp, container: { command: [], args: ['--color', 'green'] }, argv: ['python', 'app.py', '--color', 'green'] },
  ];
  it.each(cases)('$name', ({ image, container, argv }) => {
    expect(effectiveArgv(image, container)).toEqual(argv);
  });

  it('needs the image only when the pod sets no command', () => {
    expect(effectiveArgv(undefined, { command: ['sleep'], args: ['5000'] })).toEqual(['sleep', '5000']);
    expect(effectiveArgv(undefined, { args: ['5000'] })).toBeUndefined();
  });
});

describe('sameArgv', () => {
  const cases = [
    { name: 'a program named by its path in a bin directory', a: ['/bin/sleep', '20'], b: ['sleep', '20'], same: true },
    { name: 'a program under /usr/local/bin', a: ['/usr/local/bin/python', 'app.py'], b: ['python', 'app.py'], same: true },
    { name: 'sh -c around a plain command', a: ['sh', '-c', 'sleep 20'], b: ['sleep', '20'], same: true },
    { name: 'sh -c with a trailing semicolon', a: ['sh', '-c', 'sleep 2;'], b: ['sleep', '2'], same: true },
    { name: '/bin/sh -c with exec', a: ['/bin/sh', '-c', 'exec /bin/sleep 20'], b: ['sleep', '20'], same: true },
    { name: 'a different duration', a: ['sh', '-c', 'sleep 200'], b: ['sleep', '20'], same: false },
    { name: 'one word holding the whole command', a: ['sleep 20'], b: ['sleep', '20'], same: false },
    { name: 'a script with operators stays a script', a: ['sh', '-c', 'echo hi && sleep 20'], b: ['sleep', '20'], same: false },
    { name: 'a script compared with itself', a: ['sh', '-c', 'echo The app is running! && sleep 3600'], b: ['sh', '-c', 'echo The app is running! && sleep 3600'], same: true },
    { name: 'a program in another directory', a: ['/opt/sleep', '20'], b: ['sleep', '20'], same: false },
  ];
  it.each(cases)('$name', ({ a, b, same }) => {
    expect(sameArgv(a, b)).toBe(same);
  });

  it('leaves an argv without equivalents as it is', () => {
    expect(normalizeArgv(['--color', 'green'])).toEqual(['--color', 'green']);
  });
});

describe('splitWords', () => {
  const cases = [
    { name: 'plain words', text: 'python app.py --color=green', words: ['python', 'app.py', '--color=green'] },
    { name: 'single quotes group', text: "sh -c 'sleep 20'", words: ['sh', '-c', 'sleep 20'] },
    { name: 'double quotes with an escaped quote', text: 'echo "a \\"b\\" c"', words: ['echo', 'a "b" c'] },
    { name: 'an empty quoted word', text: "printf ''", words: ['printf', ''] },
  ];
  it.each(cases)('$name', ({ text, words }) => {
    expect(splitWords(text)).toEqual(words);
  });
});
