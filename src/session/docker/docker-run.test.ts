import { setImmediate } from 'node:timers';
import { describe, expect, it } from 'vitest';
import { playScript } from '../headless-player.ts';
import { Session } from '../session.ts';

async function transcriptOf(lines: string[]): Promise<string> {
  const session = await Session.create({ yieldToHost: () => new Promise((resolve) => setImmediate(resolve)) });
  let transcript = '';
  await playScript(session, undefined, `docker pull ubuntu > /dev/null\n${lines.join('\n')}`, (text) => (transcript += text));
  return transcript.slice(transcript.indexOf('\n') + 1);
}

describe('docker run', () => {
  const cases = [
    {
      name: 'gives the process PATH and HOSTNAME first, the -e variables, then HOME',
      lines: ['docker run --name printer -e APP_COLOR=pink ubuntu sh -c env', 'docker inspect -f "{{.Config.Env}}" printer'],
      expected: [
        '$ docker run --name printer -e APP_COLOR=pink ubuntu sh -c env',
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'HOSTNAME=eb1542801564',
        'APP_COLOR=pink',
        'HOME=/root',
        'PWD=/',
        '$ docker inspect -f "{{.Config.Env}}" printer',
        '[PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin APP_COLOR=pink]',
      ],
    },
    {
      name: 'opens an interactive bash with -it and returns its exit status',
      lines: ['docker run -it ubuntu', 'echo inside', 'exit 3', 'echo $?'],
      expected: ['$ docker run -it ubuntu', 'root@eb1542801564:/# echo inside', 'inside', 'root@eb1542801564:/# exit 3', 'exit', '$ echo $?', '3'],
    },
    {
      name: 'refuses -it when stdin is not a terminal',
      lines: ['echo | docker run -it ubuntu', 'echo $?'],
      expected: ['$ echo | docker run -it ubuntu', 'cannot attach stdin to a TTY-enabled container because stdin is not a terminal', '$ echo $?', '1'],
    },
    {
      name: 'stops a detached sleep only at SIGKILL, after the grace period, and lists it as exited 137',
      lines: ['docker run -d --name napper ubuntu sleep 100 > /dev/null', 'date +%T', 'docker stop napper', 'date +%T', 'docker ps -a'],
      expected: [
        '$ docker run -d --name napper ubuntu sleep 100 > /dev/null',
        '$ date +%T',
        '22:00:01',
        '$ docker stop napper',
        'napper',
        '$ date +%T',
        '22:00:11',
        '$ docker ps -a',
        'CONTAINER ID   IMAGE     COMMAND       CREATED          STATUS                                PORTS     NAMES',
        'eb1542801564   ubuntu    "sleep 100"   10 seconds ago   Exited (137) Less than a second ago             napper',
      ],
    },
    {
      name: 'prints its usage, aliases and the options it implements for --help, laid out as pflag does',
      lines: ['docker run --help'],
      expected: [
        '$ docker run --help',
        '',
        'Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
        '',
        'Create and run a new container from an image',
        '',
        'Aliases:',
        '  docker container run, docker run',
        '',
        'Options:',
        '  -d, --detach             Run container in background and print container ID',
        '      --entrypoint string  Overwrite the default ENTRYPOINT of the image',
        '  -e, --env list           Set environment variables',
        '  -i, --interactive        Keep STDIN open even if not attached',
        '      --name string        Assign a name to the container',
        '      --rm                 Automatically remove the container and its associated anonymous volumes when it exits',
        '  -t, --tty                Allocate a pseudo-TTY',
      ],
    },
  ];
  it.each(cases)('$name', async ({ lines, expected }) => {
    expect(await transcriptOf(lines)).toBe(`${expected.join('\n')}\n`);
  });
});
