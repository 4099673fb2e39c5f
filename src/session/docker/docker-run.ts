/**
 * `docker run [--rm] [-d] [--name N] [-e K=V] [--entrypoint X] IMAGE [COMMAND] [ARG...]`: pull
 * the image when it is missing, create the container and start its process, attached (its output
 * is the command's, and its exit code too) or detached (the container's ID). Models docker-cli
 * cli/command/container/run.go runContainer and create.go, and the daemon's merge of the image's
 * ENTRYPOINT and CMD with the user's: a new entrypoint drops the image's CMD.
 */
import type { CommandContext } from '../../shell/command.ts';
import { parseImageReference } from '../../engine/images/image-catalogue.ts';
import { familiar, type AttachedTerminal, type DockerContainer, type DockerDaemon, type DockerImage } from './docker-daemon.ts';
import type { CommandHelp } from './docker-help.ts';
import { DockerUsageError, parseFlags, requireAtLeast, type CommandSpec } from './docker-flags.ts';

export const RUN: CommandSpec = {
  path: 'docker run',
  usage: 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  booleans: { rm: '', detach: 'd', interactive: 'i', tty: 't' },
  values: { name: '', env: 'e', entrypoint: '' },
  stopAtOperand: true,
};

/** docker-cli run.go withHelp: daemon errors end with the pointer to `--help`. */
function daemonError(message: string, exitCode: number): DockerUsageError {
  return new DockerUsageError(`docker: Error response from daemon: ${message}\n\nRun 'docker run --help' for more information`, exitCode);
}

export async function dockerRun(daemon: DockerDaemon, args: readonly string[], ctx: CommandContext): Promise<number> {
  const flags = parseFlags(RUN, args);
  requireAtLeast(RUN, flags.operands, 1);
  const [imageName, ...command] = flags.operands as [string, ...string[]];
  const ref = parseImageReference(imageName);
  if (!ref) throw new DockerUsageError(`docker: invalid reference format\n\nRun 'docker run --help' for more information`, 125);
  const name = flags.values.get('name')?.at(-1);
  if (name !== undefined && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) {
    throw daemonError(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`, 125);
  }
  const taken = name !== undefined ? daemon.containers.find((c) => c.name === name) : undefined;
  if (taken) {
    throw daemonError(
      `Conflict. The container name "/${name}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`,
      125,
    );
  }
  let image = daemon.findImage(imageName);
  if (!image) {
    ctx.stderr.write(`Unable to find image '${familiar(ref.normalized)}' locally\n`);
    const pulled = daemon.pull(imageName);
    if (!pulled.ok) throw daemonError(pulled.message, 125);
    image = pulled.image;
    await ctx.time.sleep(1500, ctx.interrupt);
    ctx.stderr.write(pullProgress(image, ref.tag));
  }
  const container = create(daemon, image, imageName, name, command, flags.values.get('entrypoint')?.at(-1), envOf(image, flags.values.get('env') ?? [], ctx.env));
  if (flags.set.has('interactive') && flags.set.has('tty') && !flags.set.has('detach') && !ctx.stdinIsTerminal) {
    daemon.removeContainer(container);
    throw new DockerUsageError('cannot attach stdin to a TTY-enabled container because stdin is not a terminal', 1);
  }
  const program = container.argv[0];
  if (program === undefined) throw daemonError('no command specified', 125);
  if (!daemon.canRun(image, program)) {
    // The container exists, Created, and never started (runc found nothing to exec). containerd 2,
    // which Docker 29 runs on, no longer appends the gRPC code (`: unknown`) to the message.
    if (flags.set.has('rm')) daemon.removeContainer(container);
    throw daemonError(
      `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${program}": executable file not found in $PATH`,
      127,
    );
  }
  if (flags.set.has('detach')) {
    const exited = daemon.start(container, image);
    if (flags.set.has('rm')) void exited.then(() => daemon.removeContainer(container));
    ctx.stdout.write(`${container.id}\n`);
    return 0;
  }
  const terminal = attachTerminal(ctx, flags.set.has('interactive'), flags.set.has('tty'));
  // A TTY merges the container's stderr into its stdout.
  const stderr = terminal?.tty ? (t: string) => ctx.stdout.write(t) : (t: string) => ctx.stderr.write(t);
  const exited = daemon.start(container, image, { stdout: (t) => ctx.stdout.write(t), stderr }, terminal);
  // Ctrl-C reaches the container's process, as the CLI's signal proxy forwards it.
  const stop = ctx.interrupt.onInterrupt(() => container.kill?.fire());
  const code = await exited;
  stop();
  terminal?.release();
  if (flags.set.has('rm')) daemon.removeContainer(container);
  return ctx.interrupt.interrupted ? 130 : code;
}

/**
 * `-i` at a terminal: the container reads the lines the user types; with `-t` as well it has a
 * TTY, and Ctrl-C travels to it as a key (the terminal is raw) instead of ending `docker run`.
 */
function attachTerminal(ctx: CommandContext, interactive: boolean, tty: boolean): (AttachedTerminal & { release(): void }) | undefined {
  if (!interactive || !ctx.stdinIsTerminal || !ctx.terminal.readLine) return undefined;
  const readLine = ctx.terminal.readLine.bind(ctx.terminal);
  const trap = tty ? ctx.terminal.trapCtrlC : undefined;
  if (!trap) return { tty, readLine, release: () => undefined };
  const listeners = new Set<() => void>();
  const release = trap.call(ctx.terminal, () => {
    for (const listener of [...listeners]) listener();
  });
  const ctrlC = {
    onInterrupt(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { tty, readLine, ctrlC, release };
}

function create(
  daemon: DockerDaemon,
  image: DockerImage,
  imageName: string,
  name: string | undefined,
  command: string[],
  entrypoint: string | undefined,
  env: string[],
): DockerContainer {
  // daemon/create.go merge: a user entrypoint replaces the image's and drops its CMD.
  const entry = entrypoint !== undefined ? (entrypoint === '' ? [] : [entrypoint]) : (image.config.entrypoint ?? []);
  const cmd = command.length > 0 ? command : entrypoint !== undefined ? [] : (image.config.cmd ?? []);
  const container: DockerContainer = {
    id: daemon.randomHex(64),
    name: name ?? daemon.randomName(),
    image: imageName,
    imageId: image.id,
    argv: [...entry, ...cmd],
    config: { entrypoint: entry.length > 0 ? entry : null, cmd: cmd.length > 0 ? cmd : null, env },
    createdMs: daemon.now(),
    state: 'created',
    exitCode: 0,
    log: '',
  };
  daemon.containers.unshift(container);
  return container;
}

/** The image's environment with `-e K=V` (or `-e K`, taken from the caller's) over it. */
function envOf(image: DockerImage, flags: readonly string[], callerEnv: Map<string, string>): string[] {
  const env = new Map(image.config.env.map((e) => [e.slice(0, e.indexOf('=')), e] as const));
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq >= 0) env.set(flag.slice(0, eq), flag);
    else if (callerEnv.has(flag)) env.set(flag, `${flag}=${callerEnv.get(flag)}`);
  }
  return [...env.values()];
}

/** What `docker pull` shows once the layers are in: one line per layer, the digest, the status. */
export function pullProgress(image: DockerImage, tag: string): string {
  const repository = image.normalized.slice(0, image.normalized.lastIndexOf(':')).replace(/^docker\.io\//, '');
  return [
    `${tag}: Pulling from ${repository}`,
    `${image.id.slice(7, 19)}: Pull complete`,
    `Digest: sha256:${image.id.split('').reverse().join('')}`,
    `Status: Downloaded newer image for ${familiar(image.normalized)}`,
    '',
  ].join('\n');
}

export const RUN_HELP: CommandHelp = {
  short: 'Create and run a new container from an image',
  aliases: 'docker container run, docker run',
  flags: {
    detach: { usage: 'Run container in background and print container ID' },
    entrypoint: { usage: 'Overwrite the default ENTRYPOINT of the image', type: 'string' },
    env: { usage: 'Set environment variables', type: 'list' },
    interactive: { usage: 'Keep STDIN open even if not attached' },
    name: { usage: 'Assign a name to the container', type: 'string' },
    rm: { usage: 'Automatically remove the container and its associated anonymous volumes when it exits' },
    tty: { usage: 'Allocate a pseudo-TTY' },
  },
};
