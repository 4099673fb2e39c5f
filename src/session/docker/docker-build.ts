/**
 * `docker build [-t NAME] [-f FILE] DIR`: reads the Dockerfile, resolves its base image, applies
 * ENV, WORKDIR, CMD, ENTRYPOINT (which drops a CMD inherited from the base, as BuildKit's
 * dispatchEntrypoint does), COPY/ADD from the context, and RUN as a step that changes nothing
 * the simulation models. Prints BuildKit's plain progress (`--progress=plain`), which a replayed
 * session shows line for line; the interactive TTY view redraws to the terminal's width.
 */
import type { CommandContext } from '../../shell/command.ts';
import { lookupImage, parseImageReference } from '../../engine/images/image-catalogue.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { UNTAGGED, type DockerDaemon, type DockerImage, type ImageConfig } from './docker-daemon.ts';
import type { CommandHelp } from './docker-help.ts';
import { DockerUsageError, parseFlags, requireExactly, type CommandSpec } from './docker-flags.ts';
import { parseDockerfile } from './dockerfile.ts';

export const BUILD: CommandSpec = {
  path: 'docker buildx build',
  usage: 'docker buildx build [OPTIONS] PATH | URL | -',
  booleans: { 'no-cache': '', quiet: 'q', pull: '' },
  values: { tag: 't', file: 'f', progress: '', 'build-arg': '' },
};

function buildError(message: string): DockerUsageError {
  return new DockerUsageError(`ERROR: failed to build: ${message}`, 1);
}

export async function dockerBuild(daemon: DockerDaemon, args: readonly string[], ctx: CommandContext): Promise<number> {
  const flags = parseFlags(BUILD, args);
  requireExactly(BUILD, flags.operands, 1);
  const contextDir = resolvePath(ctx.cwd, flags.operands[0]!);
  if (!ctx.fs.exists(contextDir) || ctx.fs.stat(contextDir).kind !== 'directory') throw buildError(`unable to prepare context: path "${flags.operands[0]}" not found`);
  const fileFlag = flags.values.get('file')?.at(-1);
  const dockerfilePath = fileFlag !== undefined ? resolvePath(ctx.cwd, fileFlag) : `${contextDir}/Dockerfile`;
  const fileName = dockerfilePath.slice(dockerfilePath.lastIndexOf('/') + 1);
  if (!ctx.fs.exists(dockerfilePath) || ctx.fs.stat(dockerfilePath).kind !== 'file')
    throw buildError(`failed to solve: failed to read dockerfile: open ${fileName}: no such file or directory`);
  const tag = flags.values.get('tag')?.at(-1);
  const target = tag !== undefined ? parseImageReference(tag) : undefined;
  if (tag !== undefined && !target) throw buildError(`invalid tag "${tag}": invalid reference format`);
  const text = ctx.fs.readFile(dockerfilePath);
  const parsed = parseDockerfile(text);
  if (!parsed.ok) throw buildError(`failed to solve: ${parsed.message}`);
  const from = parsed.instructions[0] as { kind: 'FROM'; image: string };
  const baseRef = parseImageReference(from.image);
  const base = daemon.findImage(from.image) ?? (lookupImage(from.image).ok ? daemon.pull(from.image) : undefined);
  const baseImage = base && 'ok' in base ? (base.ok ? base.image : undefined) : base;
  if (!baseRef || !baseImage) {
    const normalized = baseRef?.normalized ?? from.image;
    throw buildError(
      `failed to solve: ${from.image}: failed to resolve source metadata for ${normalized}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
    );
  }

  const config: ImageConfig = { ...baseImage.config, env: [...baseImage.config.env] };
  const files: Record<string, string> = { ...(baseImage.spec.files ?? {}) };
  const steps: string[] = [];
  let cmdSet = false;
  for (const step of parsed.instructions.slice(1)) {
    if (step.kind === 'CMD') {
      config.cmd = step.argv;
      cmdSet = true;
    } else if (step.kind === 'ENTRYPOINT') {
      config.entrypoint = step.argv;
      if (!cmdSet) config.cmd = null;
    } else if (step.kind === 'ENV') {
      for (const [key, value] of step.pairs) config.env = [...config.env.filter((e) => !e.startsWith(`${key}=`)), `${key}=${value}`];
    } else if (step.kind === 'WORKDIR') {
      config.workingDir = resolvePath(config.workingDir || '/', step.path);
      steps.push(`WORKDIR ${step.path}`);
    } else if (step.kind === 'RUN') {
      steps.push(`RUN ${step.text}`);
    } else if (step.kind === 'COPY' || step.kind === 'ADD') {
      copyFromContext(ctx, contextDir, step.text, config.workingDir || '/', files);
      steps.push(`${step.kind} ${step.text}`);
    }
  }

  const normalized = target?.normalized ?? UNTAGGED;
  const id = imageId(`${text}\n${baseImage.id}\n${normalized}`);
  const env = Object.fromEntries(config.env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  const image: DockerImage = {
    id,
    normalized,
    createdMs: daemon.now(),
    config,
    spec: {
      ...baseImage.spec,
      repository: target?.repository ?? '<none>',
      tags: [target?.tag ?? '<none>'],
      entrypoint: config.entrypoint ?? [],
      cmd: config.cmd ?? [],
      env,
      workingDir: config.workingDir || '/',
      files,
      pullable: false,
    },
  };

  const hasContext = steps.some((s) => s.startsWith('COPY') || s.startsWith('ADD'));
  const total = steps.length + 1;
  // BuildKit pads the step number to the width of the total: `[ 2/13]`.
  const stepNo = (i: number) => String(i).padStart(String(total).length);
  const lines = ['#0 building with "default" instance using docker driver', ''];
  let n = 1;
  const block = (title: string, body: string[], seconds: string) => {
    lines.push(`#${n} ${title}`, ...body.map((b) => `#${n} ${b}`), `#${n} DONE ${seconds}s`, '');
    n++;
  };
  block(`[internal] load build definition from ${fileName}`, [`transferring dockerfile: ${text.length}B done`], '0.0');
  block(`[internal] load metadata for ${baseRef.normalized}`, [], '0.5');
  block('[internal] load .dockerignore', ['transferring context: 2B done'], '0.0');
  if (hasContext) block('[internal] load build context', [`transferring context: ${contextBytes(ctx, contextDir)}B done`], '0.0');
  const pinned = `${baseRef.normalized}@sha256:${baseImage.id}`;
  block(`[${stepNo(1)}/${total}] FROM ${pinned}`, [`resolve ${pinned} 0.0s done`], '0.1');
  steps.forEach((s, i) => block(`[${stepNo(i + 2)}/${total}] ${s}`, [], s.startsWith('RUN') ? '0.4' : '0.0'));
  block('exporting to image', ['exporting layers done', `writing image sha256:${id} done`, ...(target ? [`naming to ${normalized} done`] : [])], '0.0');
  await ctx.time.sleep(1000, ctx.interrupt);
  if (flags.set.has('quiet')) ctx.stdout.write(`sha256:${id}\n`);
  else ctx.stderr.write(`${lines.join('\n')}`);
  daemon.addBuilt(image);
  return 0;
}

function copyFromContext(ctx: CommandContext, contextDir: string, text: string, workdir: string, files: Record<string, string>): void {
  const words = text.split(/\s+/).filter((w) => !w.startsWith('--'));
  const dest = words.pop();
  if (dest === undefined) return;
  const destDir = resolvePath(workdir, dest);
  for (const source of words) {
    const from = resolvePath(contextDir, source);
    if (!ctx.fs.exists(from)) continue;
    if (ctx.fs.stat(from).kind === 'file') {
      files[dest.endsWith('/') || words.length > 1 ? `${destDir}/${from.slice(from.lastIndexOf('/') + 1)}` : destDir] = ctx.fs.readFile(from);
      continue;
    }
    for (const [path, entry] of Object.entries(ctx.fs.snapshot(from))) files[`${destDir}/${path.slice(from.length + 1)}`.replace(/\/+/g, '/')] = entry.content;
  }
}

function contextBytes(ctx: CommandContext, dir: string): number {
  return Object.values(ctx.fs.snapshot(dir)).reduce((sum, f) => sum + f.content.length, 0);
}

/** A stable 64-hex image ID from what went into the image. */
function imageId(text: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i) ^ round, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

export const BUILD_HELP: CommandHelp = {
  short: 'Start a build',
  aliases: 'docker buildx build, docker buildx b',
  flags: {
    file: { usage: 'Name of the Dockerfile (default: "PATH/Dockerfile")', type: 'string' },
    quiet: { usage: 'Suppress the build output and print image ID on success' },
    tag: { usage: 'Image identifier (format: "[registry/]repository[:tag]")', type: 'stringArray' },
  },
};
