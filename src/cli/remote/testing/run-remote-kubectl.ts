/** Runs our kubectl over HttpApiClient with an in-memory context, collecting what it prints. */
import { createKubectl } from '../../../kubectl/kubectl.ts';
import type { LocalPorts } from '../../../kubectl/local-ports.ts';
import type { CommandContext, TerminalPort } from '../../../shell/command.ts';
import { MemoryFileSystem } from '../../../shell/fs/memory-file-system.ts';
import { HttpApiClient } from '../http-api-client.ts';

export interface RemoteRun {
  stdout: string;
  stderr: string;
  code: number;
}

export interface RemoteRunOptions {
  files?: Record<string, string>;
  stdin?: string;
  terminal?: TerminalPort;
  /** A scripted editor for `kubectl edit`: the file's new text from its old. */
  editor?: (text: string) => string;
  stdinIsTerminal?: boolean;
  /** Fires Ctrl-C once stdout satisfies this. */
  interruptWhen?: (stdout: string) => boolean;
  localPorts?: LocalPorts;
}

export async function runRemoteKubectl(server: string, args: string[], options: RemoteRunOptions = {}): Promise<RemoteRun> {
  const fs = new MemoryFileSystem();
  fs.mkdir('/root', { recursive: true });
  for (const [path, text] of Object.entries(options.files ?? {})) fs.writeFile(path, text);
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
    for (const l of [...listeners]) l();
  };
  const ctx: CommandContext = {
    argv: ['kubectl', ...args],
    stdin: options.stdin ?? '',
    stdinIsTerminal: options.stdinIsTerminal ?? false,
    stdout: {
      write(text) {
        stdout += text;
        if (!interrupted && options.interruptWhen?.(stdout)) setImmediate(interrupt);
      },
    },
    stderr: { write: (text) => void (stderr += text) },
    env: new Map(),
    cwd: '/root',
    fs,
    time: { now: () => Date.parse('2026-12-06T08:05:00Z'), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    interrupt: {
      get interrupted() {
        return interrupted;
      },
      onInterrupt(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    terminal: options.editor ? { editFile: async (path) => fs.writeFile(path, options.editor!(fs.readFile(path))) } : (options.terminal ?? {}),
    userland: 'gnu',
    runScript: () => Promise.resolve(0),
    checkpoint: () => new Promise((resolve) => setImmediate(resolve)),
  };
  const kubectl = createKubectl({ api: new HttpApiClient({ server, tls: { insecureSkipVerify: false } }), ...(options.localPorts ? { localPorts: options.localPorts } : {}) });
  const code = await kubectl.run(ctx);
  return { stdout, stderr, code };
}
