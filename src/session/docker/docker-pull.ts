/**
 * `docker pull IMAGE`: the registry's layers, then the image's full name on its own line, as
 * docker-cli cli/command/image/pull.go prints them (with `Using default tag` when none was given).
 */
import type { CommandContext } from '../../shell/command.ts';
import { parseImageReference } from '../../engine/images/image-catalogue.ts';
import { familiar, type DockerDaemon } from './docker-daemon.ts';
import type { CommandHelp } from './docker-help.ts';
import { DockerUsageError, parseFlags, requireExactly, type CommandSpec } from './docker-flags.ts';
import { pullProgress } from './docker-run.ts';

export const PULL: CommandSpec = { path: 'docker pull', usage: 'docker pull [OPTIONS] NAME[:TAG|@DIGEST]', booleans: { 'all-tags': 'a', quiet: 'q' }, values: { platform: '' } };

export async function dockerPull(daemon: DockerDaemon, args: readonly string[], ctx: CommandContext): Promise<number> {
  const flags = parseFlags(PULL, args);
  requireExactly(PULL, flags.operands, 1);
  const name = flags.operands[0]!;
  const ref = parseImageReference(name);
  if (!ref) throw new DockerUsageError(`invalid reference format`, 1);
  if (!/:[^/]+$/.test(name)) ctx.stdout.write(`Using default tag: ${ref.tag}\n`);
  const present = daemon.findImage(name);
  if (present) {
    ctx.stdout.write(`${ref.tag}: Pulling from ${familiar(ref.repository).includes('/') ? familiar(ref.repository) : `library/${familiar(ref.repository)}`}\n`);
    ctx.stdout.write(`Digest: sha256:${present.id.split('').reverse().join('')}\nStatus: Image is up to date for ${familiar(ref.normalized)}\n${ref.normalized}\n`);
    return 0;
  }
  const pulled = daemon.pull(name);
  if (!pulled.ok) throw new DockerUsageError(`Error response from daemon: ${pulled.message}`, 1);
  await ctx.time.sleep(1500, ctx.interrupt);
  ctx.stdout.write(`${pullProgress(pulled.image, ref.tag)}${ref.normalized}\n`);
  return 0;
}

export const PULL_HELP: CommandHelp = {
  short: 'Download an image from a registry',
  aliases: 'docker image pull, docker pull',
  flags: {
    'all-tags': { usage: 'Download all tagged images in the repository' },
    platform: { usage: 'Set platform if server is multi-platform capable', type: 'string' },
    quiet: { usage: 'Suppress verbose output' },
  },
};
