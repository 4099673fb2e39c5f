/**
 * The `docker` client on the controlplane host: `run`, `ps`, `images`, `pull`, `build`, `inspect`,
 * `logs`, `rm`, `rmi`, `stop` against the host's simulated daemon. Failures are worded and
 * exit as docker-cli's do (cmd/docker/docker.go prints the error, exits with its status code).
 */
import type { Command, CommandContext } from '../../shell/command.ts';
import { dockerBuild } from './docker-build.ts';
import { dockerLogs, dockerRm, dockerStop } from './docker-containers.ts';
import type { DockerDaemon } from './docker-daemon.ts';
import { DockerUsageError } from './docker-flags.ts';
import { dockerImages } from './docker-images.ts';
import { dockerInspect } from './docker-inspect.ts';
import { dockerPs } from './docker-ps.ts';
import { dockerPull } from './docker-pull.ts';
import { dockerRmi } from './docker-rmi.ts';
import { dockerRun } from './docker-run.ts';

/** docker-cli v29.7.2 and the commit it was built from. */
const VERSION = '29.7.2, build a7dcaa6';

const MANAGED: Record<string, string> = {
  'container run': 'run',
  'container ls': 'ps',
  'container ps': 'ps',
  'container list': 'ps',
  'container inspect': 'inspect',
  'container logs': 'logs',
  'container rm': 'rm',
  'container stop': 'stop',
  'image ls': 'images',
  'image list': 'images',
  'image build': 'build',
  'image pull': 'pull',
  'image inspect': 'inspect',
  'image rm': 'rmi',
};

export function createDocker(daemon: DockerDaemon): Command {
  return {
    name: 'docker',
    async run(ctx: CommandContext): Promise<number> {
      const [first, ...rest] = ctx.argv.slice(1);
      if (first === '--version' || first === '-v') {
        ctx.stdout.write(`Docker version ${VERSION}\n`);
        return 0;
      }
      // `docker container ls`, `docker image rm`…: the management commands' names for the same verbs.
      const managed = first === 'container' || first === 'image' ? MANAGED[`${first} ${rest[0] ?? ''}`] : undefined;
      const sub = managed ?? first;
      const args = managed ? rest.slice(1) : rest;
      const out = { stdout: (t: string) => ctx.stdout.write(t), stderr: (t: string) => ctx.stderr.write(t) };
      try {
        switch (sub) {
          case 'run':
            return await dockerRun(daemon, args, ctx);
          case 'ps':
            ctx.stdout.write(dockerPs(daemon, args));
            return 0;
          case 'images':
            ctx.stdout.write(dockerImages(daemon, args));
            return 0;
          case 'pull':
            return await dockerPull(daemon, args, ctx);
          case 'build':
            return await dockerBuild(daemon, args, ctx);
          case 'inspect':
            return dockerInspect(daemon, args, out);
          case 'logs':
            ctx.stdout.write(dockerLogs(daemon, args));
            return 0;
          case 'rm':
            return await dockerRm(daemon, args, out);
          case 'rmi':
            return dockerRmi(daemon, args, out);
          case 'stop':
            return await dockerStop(daemon, args, out, ctx.time);
          case undefined:
            ctx.stdout.write(USAGE);
            return 0;
          default:
            throw new DockerUsageError(`docker: unknown command: docker ${sub}\n\nRun 'docker --help' for more information`, 1);
        }
      } catch (error) {
        if (!(error instanceof DockerUsageError)) throw error;
        ctx.stderr.write(`${error.message}\n`);
        return error.exitCode;
      }
    },
  };
}

const USAGE = `
Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Common Commands:
  run         Create and run a new container from an image
  ps          List containers
  build       Build an image from a Dockerfile
  images      List images
  pull        Download an image from a registry

Commands:
  inspect     Return low-level information on Docker objects
  logs        Fetch the logs of a container
  rm          Remove one or more containers
  rmi         Remove one or more images
  stop        Stop one or more running containers

Run 'docker COMMAND --help' for more information on a command.
`;
