/**
 * The `docker` client on the controlplane host: `run`, `ps`, `images`, `pull`, `build`, `inspect`,
 * `logs`, `rm`, `rmi`, `stop` against the host's simulated daemon. Failures are worded and
 * exit as docker-cli's do (cmd/docker/docker.go prints the error, exits with its status code).
 */
import type { Command, CommandContext } from '../../shell/command.ts';
import { BUILD, BUILD_HELP, dockerBuild } from './docker-build.ts';
import { LOGS, LOGS_HELP, RM, RM_HELP, STOP, STOP_HELP, dockerLogs, dockerRm, dockerStop } from './docker-containers.ts';
import { formatHelp, type CommandHelp } from './docker-help.ts';
import type { DockerDaemon } from './docker-daemon.ts';
import { DockerUsageError, type CommandSpec } from './docker-flags.ts';
import { IMAGES, IMAGES_HELP, dockerImages } from './docker-images.ts';
import { INSPECT, INSPECT_HELP, dockerInspect } from './docker-inspect.ts';
import { PS, PS_HELP, dockerPs } from './docker-ps.ts';
import { PULL, PULL_HELP, dockerPull } from './docker-pull.ts';
import { RMI, RMI_HELP, dockerRmi } from './docker-rmi.ts';
import { RUN, RUN_HELP, dockerRun } from './docker-run.ts';

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

const HELP: Record<string, [CommandSpec, CommandHelp]> = {
  run: [RUN, RUN_HELP],
  ps: [PS, PS_HELP],
  images: [IMAGES, IMAGES_HELP],
  pull: [PULL, PULL_HELP],
  build: [BUILD, BUILD_HELP],
  inspect: [INSPECT, INSPECT_HELP],
  logs: [LOGS, LOGS_HELP],
  rm: [RM, RM_HELP],
  rmi: [RMI, RMI_HELP],
  stop: [STOP, STOP_HELP],
};

/** `--help` or `-h` among the flags (for `docker run`, before the image: after it they are the command's). */
function wantsHelp(args: readonly string[], stopsAtOperand: boolean): boolean {
  for (const arg of args) {
    if (arg === '--help' || arg === '-h') return true;
    if (arg === '--') return false;
    if (stopsAtOperand && !arg.startsWith('-')) return false;
  }
  return false;
}

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
      const help = sub !== undefined ? HELP[sub] : undefined;
      if (help && wantsHelp(args, sub === 'run')) {
        ctx.stdout.write(formatHelp(...help));
        return 0;
      }
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
