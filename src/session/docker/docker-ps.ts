/**
 * `docker ps [-a] [-q]`: running containers (all with `-a`), newest first, in the default table
 * format `ID, IMAGE, COMMAND, CREATED, STATUS, PORTS, NAMES` (cli/command/formatter/container.go).
 */
import type { DockerContainer, DockerDaemon } from './docker-daemon.ts';
import type { CommandHelp } from './docker-help.ts';
import { parseFlags, type CommandSpec } from './docker-flags.ts';
import { formatTable, humanDuration } from './docker-table.ts';

export const PS: CommandSpec = { path: 'docker ps', usage: 'docker ps [OPTIONS]', booleans: { all: 'a', quiet: 'q', 'no-trunc': '' }, values: {} };

export function dockerPs(daemon: DockerDaemon, args: readonly string[]): string {
  const flags = parseFlags(PS, args);
  const shown = daemon.containers.filter((c) => flags.set.has('all') || c.state === 'running');
  if (flags.set.has('quiet')) return shown.map((c) => `${c.id.slice(0, 12)}\n`).join('');
  const now = daemon.now();
  const rows = shown.map((c) => [c.id.slice(0, 12), c.image, quoteCommand(c, !flags.set.has('no-trunc')), `${humanDuration(now - c.createdMs)} ago`, statusOf(c, now), '', c.name]);
  return formatTable([['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'], ...rows]);
}

/** moby daemon/list.go: the path, then the arguments, each with a space quoted in single quotes. */
export function commandOf(c: DockerContainer): string {
  const [path = '', ...args] = c.argv;
  return [path, ...args.map((a) => (a.includes(' ') ? `'${a}'` : a))].join(' ');
}

/** docker-cli formatter: the command cut to 20 columns with an ellipsis, in Go's double quotes. */
function quoteCommand(c: DockerContainer, truncate: boolean): string {
  let text = commandOf(c);
  if (truncate && text.length > 20) text = `${text.slice(0, 19)}…`;
  return JSON.stringify(text);
}

/** moby container/state.go State.String. */
export function statusOf(c: DockerContainer, now: number): string {
  if (c.state === 'running') return `Up ${humanDuration(now - (c.startedMs ?? now))}`;
  if (c.state === 'exited') return `Exited (${c.exitCode}) ${humanDuration(now - (c.finishedMs ?? now))} ago`;
  return 'Created';
}

export const PS_HELP: CommandHelp = {
  short: 'List containers',
  aliases: 'docker container ls, docker container list, docker container ps, docker ps',
  flags: {
    all: { usage: 'Show all containers (default shows just running)' },
    'no-trunc': { usage: "Don't truncate output" },
    quiet: { usage: 'Only display container IDs' },
  },
};
