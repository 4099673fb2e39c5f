/**
 * The Docker daemon of the controlplane host: its images (pulled from the simulated registries or
 * built), its containers, and their processes, which run through the same container shell the
 * kubelet's containers use. Built images are also handed to the cluster's local image store, so
 * a pod with `imagePullPolicy: Never` finds them.
 */
import type { Cluster } from '../../engine/cluster.ts';
import { lookupImage, parseImageReference } from '../../engine/images/image-catalogue.ts';
import type { ImageSpec } from '../../engine/images/image.ts';
import { KillSignal } from '../../engine/kubelet/container-process.ts';
import type { ProcessIO, ToolRunner } from '../../engine/kubelet/tool-runner.ts';
import { MemoryFileSystem } from '../../shell/fs/memory-file-system.ts';

export interface ImageConfig {
  entrypoint: string[] | null;
  cmd: string[] | null;
  env: string[];
  workingDir: string;
}

export interface DockerImage {
  /** 64 hex digits. */
  id: string;
  /** `docker.io/library/ubuntu:latest` */
  normalized: string;
  createdMs: number;
  config: ImageConfig;
  spec: ImageSpec;
}

export interface DockerContainer {
  id: string;
  name: string;
  /** The image as the user named it (`ubuntu`). */
  image: string;
  imageId: string;
  argv: string[];
  config: { cmd: string[] | null; entrypoint: string[] | null; env: string[] };
  createdMs: number;
  state: 'created' | 'running' | 'exited';
  exitCode: number;
  startedMs?: number;
  finishedMs?: number;
  log: string;
  kill?: KillSignal;
  exited?: Promise<number>;
}

/** What `docker run -i` / `-it` hands the container: typed lines, a TTY, and Ctrl-C as a key. */
export interface AttachedTerminal {
  tty: boolean;
  readLine?: ProcessIO['readLine'];
  ctrlC?: ProcessIO['ctrlC'];
}

/** The name of an image without a tag: `<none>` in both columns of `docker images`. */
export const UNTAGGED = '<none>:<none>';

/** Images that are on the controlplane before the lab starts (the lesson's image, built there). */
const PRELOADED = ['ubuntu-sleeper'];

// A few of moby's pkg/namesgenerator words: containers without --name get `adjective_surname`.
const ADJECTIVES = [
  'admiring',
  'bold',
  'brave',
  'charming',
  'eager',
  'elegant',
  'focused',
  'gifted',
  'happy',
  'jolly',
  'keen',
  'nostalgic',
  'quirky',
  'serene',
  'vibrant',
  'zealous',
];
const SURNAMES = [
  'babbage',
  'curie',
  'darwin',
  'einstein',
  'feynman',
  'hopper',
  'kepler',
  'lovelace',
  'meitner',
  'newton',
  'noether',
  'pasteur',
  'ritchie',
  'tesla',
  'turing',
  'wozniak',
];

export class DockerDaemon {
  readonly images: DockerImage[] = [];
  readonly containers: DockerContainer[] = [];
  readonly #cluster: Cluster;
  readonly #toolRunner: ToolRunner;

  constructor(cluster: Cluster, toolRunner: ToolRunner) {
    this.#cluster = cluster;
    this.#toolRunner = toolRunner;
    for (const name of PRELOADED) {
      const found = lookupImage(name);
      if (found.ok) this.#addPulled(found.ref.normalized, found.image, found.env, found.digest);
    }
  }

  now(): number {
    return this.#cluster.clock.now();
  }

  /** An image by name (`ubuntu`, `ubuntu:latest`), by full or short ID. */
  findImage(name: string): DockerImage | undefined {
    const ref = parseImageReference(name);
    const byRef = ref && this.images.find((i) => i.normalized === ref.normalized);
    if (byRef) return byRef;
    const id = name.replace(/^sha256:/, '');
    return /^[0-9a-f]{4,64}$/.test(id) ? this.images.find((i) => i.id.startsWith(id)) : undefined;
  }

  findContainer(nameOrId: string): DockerContainer | undefined {
    return this.containers.find((c) => c.name === nameOrId || (nameOrId.length >= 1 && /^[0-9a-f]+$/.test(nameOrId) && c.id.startsWith(nameOrId)));
  }

  /** Pulls `name` from the simulated registries: the image, or the registry's refusal. */
  pull(name: string): { ok: true; image: DockerImage } | { ok: false; message: string } {
    const found = lookupImage(name);
    const ref = parseImageReference(name);
    if (!found.ok || found.pullError !== undefined) {
      const repository = ref ? familiar(ref.repository) : name;
      return {
        ok: false,
        message: `pull access denied for ${repository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
      };
    }
    return { ok: true, image: this.#addPulled(found.ref.normalized, found.image, found.env, found.digest) };
  }

  #addPulled(normalized: string, spec: ImageSpec, env: Record<string, string>, digest: string): DockerImage {
    const image: DockerImage = {
      id: digest,
      normalized,
      // Registry images were built weeks before the lab.
      createdMs: this.now() - 23 * 86_400_000,
      config: {
        entrypoint: spec.entrypoint.length > 0 ? [...spec.entrypoint] : null,
        cmd: spec.cmd.length > 0 ? [...spec.cmd] : null,
        env: Object.entries(env).map(([k, v]) => `${k}=${v}`),
        workingDir: spec.workingDir === '/' ? '' : spec.workingDir,
      },
      spec,
    };
    this.#replaceTag(image);
    return image;
  }

  /** Tags a built image; an older image with the same name keeps only its ID (a dangling `<none>`). */
  addBuilt(image: DockerImage): void {
    this.#replaceTag(image);
    if (image.normalized === UNTAGGED) return;
    const env = Object.fromEntries(image.config.env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
    this.#cluster.localImages.add({ normalized: image.normalized, spec: image.spec, env, digest: image.id });
  }

  #replaceTag(image: DockerImage): void {
    const same = this.images.findIndex((i) => i.id === image.id);
    if (same >= 0) this.images.splice(same, 1);
    // The name moves to the new image; the old one stays, untagged (dangling).
    for (const old of this.images) if (old.normalized === image.normalized && image.normalized !== UNTAGGED) old.normalized = UNTAGGED;
    this.images.unshift(image);
  }

  removeImage(image: DockerImage): void {
    this.images.splice(this.images.indexOf(image), 1);
    this.#cluster.localImages.delete(image.normalized);
  }

  removeContainer(container: DockerContainer): void {
    container.kill?.fire();
    this.containers.splice(this.containers.indexOf(container), 1);
  }

  randomName(): string {
    for (;;) {
      const random = this.#cluster.random;
      const name = `${ADJECTIVES[random.int(ADJECTIVES.length)]}_${SURNAMES[random.int(SURNAMES.length)]}`;
      if (!this.findContainer(name)) return name;
    }
  }

  randomHex(length: number): string {
    let out = '';
    while (out.length < length) out += this.#cluster.random.int(16).toString(16);
    return out;
  }

  /** Whether the image has `program`: a binary it ships or its app. */
  canRun(image: DockerImage, program: string): boolean {
    const base = program.slice(program.lastIndexOf('/') + 1);
    return image.spec.binaries.includes(base) || Boolean(image.spec.apps?.[program] ?? image.spec.apps?.[base]);
  }

  /**
   * Starts the container's process; `output` also receives what it writes (an attached `docker run`).
   * Resolves, through `container.exited`, to its exit code.
   */
  start(container: DockerContainer, image: DockerImage, output?: { stdout(text: string): void; stderr(text: string): void }, terminal?: AttachedTerminal): Promise<number> {
    const kill = new KillSignal();
    const clock = this.#cluster.clock;
    container.kill = kill;
    container.state = 'running';
    container.startedMs = clock.now();
    const configured = Object.fromEntries(container.config.env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
    // moby container.CreateDaemonEnvironment: PATH and HOSTNAME first (TERM with a TTY), the configured env, then HOME.
    const { PATH: path = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...rest } = configured;
    const env: Record<string, string> = { PATH: path, HOSTNAME: container.id.slice(0, 12), ...(terminal?.tty ? { TERM: 'xterm' } : {}), ...rest };
    env.HOME ??= '/root';
    const fs = new MemoryFileSystem(() => clock.now());
    for (const dir of ['/bin', '/etc', '/tmp', '/root', '/var']) fs.mkdir(dir, { recursive: true });
    const cwd = image.config.workingDir || '/';
    fs.mkdir(cwd, { recursive: true });
    for (const [path, content] of Object.entries(image.spec.files ?? {})) {
      if (path.endsWith('/')) continue;
      fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
      fs.writeFile(path, content);
    }
    const write = (stream: 'stdout' | 'stderr') => (text: string) => {
      container.log += text;
      output?.[stream](text);
    };
    const hostname = container.id.slice(0, 12);
    const network = this.#cluster.nodes.network.hostView();
    const program = container.argv[0] ?? '';
    const app = image.spec.apps?.[program] ?? image.spec.apps?.[program.slice(program.lastIndexOf('/') + 1)];
    const running = app
      ? app({
          argv: container.argv,
          env,
          hostname,
          podIP: '172.17.0.2',
          fs,
          network,
          now: () => clock.now(),
          log: (line) => write('stdout')(`${line}\n`),
          logError: (line) => write('stderr')(`${line}\n`),
          sleep: (ms) => clock.sleep(ms, kill),
          // Docker's bridge network is not modelled: the app listens where nothing can reach it.
          serve: () => undefined,
          terminated: new Promise<void>((resolve) => kill.onInterrupt(resolve)),
          random: () => this.#cluster.random.next(),
        })
      : this.#toolRunner.run({
          argv: container.argv,
          env,
          cwd,
          fs,
          stdin: '',
          ...(terminal?.tty ? { tty: true } : {}),
          ...(terminal?.readLine ? { readLine: terminal.readLine } : {}),
          ...(terminal?.ctrlC ? { ctrlC: terminal.ctrlC } : {}),
          stdout: write('stdout'),
          stderr: write('stderr'),
          now: () => clock.now(),
          sleep: (ms, interrupt) => clock.sleep(ms, interrupt ?? kill),
          kill,
          network,
          hostname,
          binaries: image.spec.binaries,
          userland: image.spec.userland,
        });
    container.exited = running.then(
      (code) => this.#exit(container, kill.interrupted ? 137 : code),
      () => this.#exit(container, kill.interrupted ? 137 : 1),
    );
    return container.exited;
  }

  #exit(container: DockerContainer, code: number): number {
    container.state = 'exited';
    container.exitCode = code;
    container.finishedMs = this.#cluster.clock.now();
    return code;
  }
}

/** `docker.io/library/ubuntu` → `ubuntu`; `docker.io/kodekloud/webapp-color` → `kodekloud/webapp-color`. */
export function familiar(repository: string): string {
  return repository.replace(/^docker\.io\/(library\/)?/, '');
}

/** `docker.io/library/ubuntu:latest` → `ubuntu:latest`. */
export function familiarTag(normalized: string): string {
  return familiar(normalized);
}
