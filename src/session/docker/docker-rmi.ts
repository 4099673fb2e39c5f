/**
 * `docker rmi [-f] IMAGE...`: untags and deletes an image, refused while a container uses it.
 * Wording from moby daemon/images/image_delete.go.
 */
import { UNTAGGED, familiar, type DockerDaemon } from './docker-daemon.ts';
import type { CommandHelp } from './docker-help.ts';
import { DockerUsageError, parseFlags, requireAtLeast, type CommandSpec } from './docker-flags.ts';

export const RMI: CommandSpec = { path: 'docker rmi', usage: 'docker rmi [OPTIONS] IMAGE [IMAGE...]', booleans: { force: 'f' }, values: {} };

export function dockerRmi(daemon: DockerDaemon, args: readonly string[], out: { stdout(t: string): void }): number {
  const flags = parseFlags(RMI, args);
  requireAtLeast(RMI, flags.operands, 1);
  const errors: string[] = [];
  for (const ref of flags.operands) {
    const image = daemon.findImage(ref);
    if (!image) {
      errors.push(`Error response from daemon: No such image: ${ref.includes(':') || /^[0-9a-f]{12,64}$/.test(ref) ? ref : `${ref}:latest`}`);
      continue;
    }
    const user = daemon.containers.find((c) => c.imageId === image.id);
    if (user && !flags.set.has('force')) {
      errors.push(
        `Error response from daemon: conflict: unable to remove repository reference "${ref}" (must force) - container ${user.id.slice(0, 12)} is using its referenced image ${image.id.slice(0, 12)}`,
      );
      continue;
    }
    daemon.removeImage(image);
    if (image.normalized !== UNTAGGED) out.stdout(`Untagged: ${familiar(image.normalized)}\n`);
    out.stdout(`Deleted: sha256:${image.id}\n`);
  }
  if (errors.length > 0) throw new DockerUsageError(errors.join('\n'), 1);
  return 0;
}

export const RMI_HELP: CommandHelp = {
  short: 'Remove one or more images',
  aliases: 'docker image rm, docker image remove, docker rmi',
  flags: { force: { usage: 'Force removal of the image' } },
};
