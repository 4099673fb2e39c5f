/**
 * `cka-lab kubectl ARGS…`: our kubectl as a host program against any API server. The command
 * context is the real process: stdin read only when kubectl asks for it, the disk as filesystem,
 * the wall clock, SIGINT as Ctrl-C, the host terminal for `edit` and `exec -it`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { InterruptedError } from '../../engine/clock/virtual-clock.ts';
import { createKubectl } from '../../kubectl/kubectl.ts';
import type { CommandContext, Interrupt, OutputStream, ShellTime } from '../../shell/command.ts';
import { hostTerminal } from './host-terminal.ts';
import { HttpApiClient } from './http-api-client.ts';
import { KubeconfigError, loadRestConfig, type KubeconfigOptions } from './kubeconfig.ts';
import { NodeFileSystem } from './node-file-system.ts';
import { nodeLocalPorts } from './node-local-ports.ts';

export interface HostStreams {
  stdout: OutputStream;
  stderr: OutputStream;
}

/** What kubectl takes from its process; a harness running it in-process gives its own. */
export interface HostProcess {
  cwd: string;
  env: Record<string, string | undefined>;
  home: string;
  /** Standard input; read from fd 0 only when kubectl asks for it and none is given. */
  stdin?: string;
  /** The clock kubectl reads and sleeps on; the wall clock by default. */
  time?: ShellTime;
}

const realProcess = (): HostProcess => ({ cwd: process.cwd(), env: process.env, home: homedir() });

/** The connection flags kubectl reads before any command (`--kubeconfig`, `--context`…), wherever they stand before `--`. */
type FlagOptions = Omit<KubeconfigOptions, 'env' | 'home' | 'insecureSkipTlsVerify'>;

const VALUE_FLAGS: Record<string, keyof FlagOptions> = {
  '--kubeconfig': 'kubeconfig',
  '--context': 'context',
  '--cluster': 'cluster',
  '--user': 'user',
  '--server': 'server',
  '-s': 'server',
  '--token': 'token',
  '--certificate-authority': 'certificateAuthority',
  '--client-certificate': 'clientCertificate',
  '--client-key': 'clientKey',
  '--tls-server-name': 'tlsServerName',
};

/** The connection flags kubectl reads before any command (`--kubeconfig`, `--context`…), wherever they stand before `--`. */
export function connectionFlags(args: string[]): Omit<KubeconfigOptions, 'env' | 'home'> {
  const found: Omit<KubeconfigOptions, 'env' | 'home'> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (name === '--insecure-skip-tls-verify') {
      found.insecureSkipTlsVerify = eq < 0 || arg.slice(eq + 1) !== 'false';
      continue;
    }
    const key = VALUE_FLAGS[name];
    if (!key) continue;
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (value !== undefined) found[key] = value;
  }
  return found;
}

export async function runRemoteKubectl(
  args: string[],
  streams: HostStreams = { stdout: process.stdout, stderr: process.stderr },
  host: HostProcess = realProcess(),
): Promise<number> {
  const options: KubeconfigOptions = { ...connectionFlags(args), ...(host.env.KUBECONFIG ? { env: host.env.KUBECONFIG } : {}), home: host.home, cwd: host.cwd };
  // A broken kubeconfig surfaces at the first request (HttpApiClient loads it again there).
  let namespace: string | undefined;
  let server: string | undefined;
  try {
    ({ namespace, server } = loadRestConfig(options));
  } catch (error) {
    if (!(error instanceof KubeconfigError)) throw error;
  }
  const kubectl = createKubectl({
    api: new HttpApiClient(() => loadRestConfig(options)),
    localPorts: nodeLocalPorts(),
    ...(namespace ? { defaultNamespace: namespace } : {}),
    ...(server ? { server } : {}),
  });
  const interrupt = sigintInterrupt();
  const env = new Map(Object.entries(host.env).filter((e): e is [string, string] => e[1] !== undefined));
  try {
    return await kubectl.run(hostContext(['kubectl', ...args], streams, env, interrupt.interrupt, host));
  } finally {
    interrupt.dispose();
  }
}

function hostContext(argv: string[], streams: HostStreams, env: Map<string, string>, interrupt: Interrupt, host: HostProcess): CommandContext {
  let stdin: string | undefined;
  const ctx: CommandContext = {
    argv,
    stdin: '',
    stdinIsTerminal: host.stdin === undefined && process.stdin.isTTY === true,
    stdout: streams.stdout,
    stderr: streams.stderr,
    env,
    cwd: host.cwd,
    fs: new NodeFileSystem(),
    time: host.time ?? wallClock(),
    interrupt,
    terminal: hostTerminal(env),
    userland: 'gnu',
    runScript: (source, options) => runHostScript(source, streams, options),
    checkpoint: () =>
      new Promise((resolve, reject) =>
        setImmediate(() => {
          if (interrupt.interrupted) reject(new InterruptedError());
          else resolve();
        }),
      ),
  };
  // Read only when kubectl asks (`-f -`, `exec -i`): a command that does not must not wait on stdin.
  Object.defineProperty(ctx, 'stdin', {
    get: () => (stdin ??= host.stdin ?? readStdin()),
  });
  return ctx;
}

function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

function wallClock(): ShellTime {
  return {
    now: () => Date.now(),
    sleep: (ms, interrupt) =>
      new Promise((resolve, reject) => {
        if (interrupt?.interrupted) return reject(new InterruptedError());
        const stop = interrupt?.onInterrupt(() => {
          clearTimeout(timer);
          reject(new InterruptedError());
        });
        const timer = setTimeout(() => {
          stop?.();
          resolve();
        }, ms);
      }),
  };
}

/** SIGINT as the command's Ctrl-C; a second one ends the process as an unhandled SIGINT would. */
function sigintInterrupt(): { interrupt: Interrupt; dispose(): void } {
  const listeners = new Set<() => void>();
  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    for (const listener of [...listeners]) listener();
  };
  process.on('SIGINT', onSigint);
  return {
    interrupt: {
      get interrupted() {
        return interrupted;
      },
      onInterrupt(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    dispose: () => process.off('SIGINT', onSigint),
  };
}

function runHostScript(source: string, streams: HostStreams, options?: { args?: string[]; stdin?: string; scriptName?: string }): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', source, options?.scriptName ?? 'sh', ...(options?.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => streams.stdout.write(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => streams.stderr.write(chunk.toString('utf8')));
    // A program that never reads its stdin (diff) may exit first: the pipe's EPIPE is no failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options?.stdin ?? '');
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 1));
  });
}
