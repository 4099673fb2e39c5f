/**
 * `docker logs`, `docker rm [-f]` and `docker stop`: what a container wrote, and its removal.
 * Wording from moby's daemon (`No such container`, the running-container conflict).
 */
import type { ShellTime } from '../../shell/command.ts';
import type { DockerDaemon, DockerContainer } from './docker-daemon.ts';
import type { CommandHelp } from './docker-help.ts';
import { DockerUsageError, parseFlags, requireAtLeast, requireExactly, type CommandSpec } from './docker-flags.ts';

export const LOGS: CommandSpec = { path: 'docker logs', usage: 'docker logs [OPTIONS] CONTAINER', booleans: { follow: 'f', timestamps: 't' }, values: { tail: 'n' } };
export const RM: CommandSpec = { path: 'docker rm', usage: 'docker rm [OPTIONS] CONTAINER [CONTAINER...]', booleans: { force: 'f', volumes: 'v' }, values: {} };
export const STOP: CommandSpec = { path: 'docker stop', usage: 'docker stop [OPTIONS] CONTAINER [CONTAINER...]', booleans: {}, values: { timeout: 't', time: '', signal: 's' } };

function find(daemon: DockerDaemon, ref: string): DockerContainer | string {
  return daemon.findContainer(ref) ?? `Error response from daemon: No such container: ${ref}`;
}

export function dockerLogs(daemon: DockerDaemon, args: readonly string[]): string {
  const flags = parseFlags(LOGS, args);
  requireExactly(LOGS, flags.operands, 1);
  const container = find(daemon, flags.operands[0]!);
  if (typeof container === 'string') throw new DockerUsageError(container, 1);
  return container.log;
}

export async function dockerRm(daemon: DockerDaemon, args: readonly string[], out: { stdout(t: string): void }): Promise<number> {
  const flags = parseFlags(RM, args);
  requireAtLeast(RM, flags.operands, 1);
  const errors: string[] = [];
  for (const ref of flags.operands) {
    const container = find(daemon, ref);
    if (typeof container === 'string') errors.push(container);
    else if (container.state === 'running' && !flags.set.has('force')) {
      errors.push(`Error response from daemon: cannot remove container "${ref}": container is running: stop the container before removing or force remove`);
    } else {
      daemon.removeContainer(container);
      out.stdout(`${ref}\n`);
    }
  }
  if (errors.length > 0) throw new DockerUsageError(errors.join('\n'), 1);
  return 0;
}

/**
 * SIGTERM, then SIGKILL after `-t` seconds (10): a PID 1 without a handler (`sleep`, a shell)
 * ignores SIGTERM, so stopping it takes the whole grace period and it exits 137.
 */
export async function dockerStop(daemon: DockerDaemon, args: readonly string[], out: { stdout(t: string): void }, time: ShellTime): Promise<number> {
  const flags = parseFlags(STOP, args);
  requireAtLeast(STOP, flags.operands, 1);
  const errors: string[] = [];
  for (const ref of flags.operands) {
    const container = find(daemon, ref);
    if (typeof container === 'string') {
      errors.push(container);
      continue;
    }
    if (container.state === 'running') {
      const image = daemon.images.find((i) => i.id === container.imageId);
      const graceMs = Number(flags.values.get('timeout')?.at(-1) ?? flags.values.get('time')?.at(-1) ?? 10) * 1000;
      if (!image?.spec.stopsOnSigterm) await Promise.race([container.exited, time.sleep(graceMs)]);
      container.kill?.fire();
      await container.exited;
    }
    out.stdout(`${ref}\n`);
  }
  if (errors.length > 0) throw new DockerUsageError(errors.join('\n'), 1);
  return 0;
}

export const LOGS_HELP: CommandHelp = {
  short: 'Fetch the logs of a container',
  aliases: 'docker container logs, docker logs',
  flags: {
    follow: { usage: 'Follow log output' },
    tail: { usage: 'Number of lines to show from the end of the logs', type: 'string', default: 'all' },
    timestamps: { usage: 'Show timestamps' },
  },
};

export const RM_HELP: CommandHelp = {
  short: 'Remove one or more containers',
  aliases: 'docker container rm, docker container remove, docker rm',
  flags: {
    force: { usage: 'Force the removal of a running container (uses SIGKILL)' },
    volumes: { usage: 'Remove anonymous volumes associated with the container' },
  },
};

export const STOP_HELP: CommandHelp = {
  short: 'Stop one or more running containers',
  aliases: 'docker container stop, docker stop',
  flags: {
    signal: { usage: 'Signal to send to the container', type: 'string' },
    timeout: { usage: 'Seconds to wait before killing the container', type: 'int' },
  },
};
