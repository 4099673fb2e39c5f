/**
 * `docker images [-q]`: the image table `REPOSITORY, TAG, IMAGE ID, CREATED, SIZE`
 * (cli/command/formatter/image.go). Deliberately the classic table: Docker 29's default tree view
 * is laid out to the terminal's width, which a replayed session does not have (issue 11).
 */
import { UNTAGGED, familiar, type DockerDaemon } from './docker-daemon.ts';
import type { CommandHelp } from './docker-help.ts';
import { parseFlags, type CommandSpec } from './docker-flags.ts';
import { formatTable, humanDuration, humanSize } from './docker-table.ts';

export const IMAGES: CommandSpec = { path: 'docker images', usage: 'docker images [OPTIONS] [REPOSITORY[:TAG]]', booleans: { quiet: 'q', all: 'a' }, values: {} };

export function dockerImages(daemon: DockerDaemon, args: readonly string[]): string {
  const flags = parseFlags(IMAGES, args);
  // v29 cli/command/image/list.go: dangling images only with -a.
  const images = daemon.images.filter((i) => flags.set.has('all') || i.normalized !== UNTAGGED).sort((a, b) => b.createdMs - a.createdMs);
  if (flags.set.has('quiet')) return images.map((i) => `${i.id.slice(0, 12)}\n`).join('');
  const now = daemon.now();
  const rows = images.map((i) => {
    const colon = i.normalized.lastIndexOf(':');
    return [familiar(i.normalized.slice(0, colon)), i.normalized.slice(colon + 1), i.id.slice(0, 12), `${humanDuration(now - i.createdMs)} ago`, humanSize(i.spec.sizeBytes)];
  });
  return formatTable([['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'], ...rows]);
}

export const IMAGES_HELP: CommandHelp = {
  short: 'List images',
  aliases: 'docker image ls, docker image list, docker images',
  flags: {
    all: { usage: 'Show all images (default hides intermediate and dangling images)' },
    quiet: { usage: 'Only show image IDs' },
  },
};
