/**
 * `docker inspect [-f|--format TEMPLATE] NAME|ID...`: a container or an image as the Engine API
 * shows it, as indented JSON or through a Go template of `{{.Field.Path}}` and
 * `{{json .Field.Path}}` actions. Models docker-cli cli/command/system/inspect.go and
 * cli/command/inspect/inspector.go (a missing key prints `<no value>`, as the raw-map retry does).
 */
import { familiar, type DockerContainer, type DockerDaemon, type DockerImage } from './docker-daemon.ts';
import type { CommandHelp } from './docker-help.ts';
import { DockerUsageError, parseFlags, requireAtLeast, type CommandSpec } from './docker-flags.ts';

export const INSPECT: CommandSpec = { path: 'docker inspect', usage: 'docker inspect [OPTIONS] NAME|ID [NAME|ID...]', booleans: { size: 's' }, values: { format: 'f', type: '' } };

export function dockerInspect(daemon: DockerDaemon, args: readonly string[], out: { stdout(t: string): void; stderr(t: string): void }): number {
  const flags = parseFlags(INSPECT, args);
  requireAtLeast(INSPECT, flags.operands, 1);
  const format = flags.values.get('format')?.at(-1);
  const found: unknown[] = [];
  const errors: string[] = [];
  for (const ref of flags.operands) {
    const container = daemon.findContainer(ref);
    const image = container ? undefined : daemon.findImage(ref);
    if (container) found.push(containerJson(container, daemon));
    else if (image) found.push(imageJson(image));
    else errors.push(`error: no such object: ${ref}`);
  }
  if (format === undefined) out.stdout(`${JSON.stringify(found, null, 4)}\n`);
  else for (const object of found) out.stdout(`${executeTemplate(format, object)}\n`);
  if (errors.length > 0) throw new DockerUsageError(errors.join('\n'), 1);
  return 0;
}

function iso(ms: number): string {
  // Go's RFC3339Nano drops trailing zeros of the fraction.
  return new Date(ms).toISOString().replace(/\.?0+Z$/, 'Z');
}

function imageJson(image: DockerImage): Record<string, unknown> {
  return {
    Id: `sha256:${image.id}`,
    RepoTags: [familiar(image.normalized)],
    Created: iso(image.createdMs),
    Config: {
      Env: image.config.env,
      Cmd: image.config.cmd,
      WorkingDir: image.config.workingDir,
      Entrypoint: image.config.entrypoint,
    },
    Architecture: 'amd64',
    Os: 'linux',
    Size: image.spec.sizeBytes,
  };
}

function containerJson(c: DockerContainer, daemon: DockerDaemon): Record<string, unknown> {
  const image = daemon.images.find((i) => i.id === c.imageId);
  return {
    Id: c.id,
    Created: iso(c.createdMs),
    Path: c.argv[0] ?? '',
    Args: c.argv.slice(1),
    State: {
      Status: c.state,
      Running: c.state === 'running',
      ExitCode: c.exitCode,
      StartedAt: c.startedMs !== undefined ? iso(c.startedMs) : '0001-01-01T00:00:00Z',
      FinishedAt: c.finishedMs !== undefined ? iso(c.finishedMs) : '0001-01-01T00:00:00Z',
    },
    Image: `sha256:${c.imageId}`,
    Name: `/${c.name}`,
    Config: {
      Hostname: c.id.slice(0, 12),
      Env: c.config.env,
      Cmd: c.config.cmd,
      Image: c.image,
      WorkingDir: image?.config.workingDir ?? '',
      Entrypoint: c.config.entrypoint,
    },
  };
}

/** Go text/template, the actions inspect formats use: `{{.A.B}}` and `{{json .A.B}}`. */
export function executeTemplate(template: string, data: unknown): string {
  return template.replace(/\{\{\s*(json\s+)?(\.[\w.]*)\s*\}\}/g, (_, json: string | undefined, path: string) => {
    const value =
      path === '.'
        ? data
        : path
            .slice(1)
            .split('.')
            .reduce<unknown>((v, key) => (v && typeof v === 'object' && key in v ? (v as Record<string, unknown>)[key] : undefined), data);
    if (json) return JSON.stringify(value ?? null);
    return goFormat(value);
  });
}

/** Go's `%v`: slices as `[a b]` (nil ones `[]`), maps as `map[k:v]`, a missing key `<no value>`. */
function goFormat(value: unknown): string {
  if (value === undefined) return '<no value>';
  if (value === null) return '[]';
  if (Array.isArray(value)) return `[${value.map(goFormat).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `map[${entries.map(([k, v]) => `${k}:${goFormat(v)}`).join(' ')}]`;
  }
  return String(value);
}

export const INSPECT_HELP: CommandHelp = {
  short: 'Return low-level information on Docker objects',
  flags: {
    format: {
      usage:
        "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
      type: 'string',
    },
    size: { usage: 'Display total file sizes if the type is container' },
    type: { usage: 'Only inspect objects of the given type', type: 'string' },
  },
};
