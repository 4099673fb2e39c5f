/**
 * Runs one kubectl command line through the oracle (the real kubectl v1.35.2) and through our
 * kubectl in a fresh session, with the same files in the working directory, so a parity test can
 * compare stdout, stderr and exit code. The oracle gets a kubeconfig whose server is 127.0.0.1:1:
 * a command that does contact a server fails with a connection error instead of reaching one.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { oracleKubectlPath } from '../../scripts/kubectl-oracle.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/session/session.ts';
import { type DiscoveryServer, serveDiscovery } from './discovery-server.ts';
import { newSession, runLine } from './session.ts';

export interface KubectlRun {
  stdout: string;
  stderr: string;
  code: number;
}

/** Files by path relative to the working directory. */
export type Files = Record<string, string>;

export const UNREACHABLE_SERVER = 'http://127.0.0.1:1';

const kubeconfig = (server: string) => `apiVersion: v1
kind: Config
clusters:
- name: none
  cluster:
    server: ${server}
contexts:
- name: none
  context:
    cluster: none
    user: none
    namespace: default
users:
- name: none
  user: {}
current-context: none
`;

/** `server` defaults to the unreachable one; a discovery server lets commands build a RESTMapper. */
export async function runOracle(args: string[], files: Files = {}, server = UNREACHABLE_SERVER): Promise<KubectlRun> {
  const dir = mkdtempSync(join(tmpdir(), 'kubectl-parity-'));
  try {
    const home = join(dir, 'home');
    const cwd = join(dir, 'cwd');
    mkdirSync(home);
    mkdirSync(cwd);
    writeFileSync(join(home, 'kubeconfig'), kubeconfig(server));
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(cwd, path)), { recursive: true });
      writeFileSync(join(cwd, path), content);
    }
    // Asynchronous, so that a discovery server in this process can answer while it runs.
    const child = spawn(oracleKubectlPath(), args, { cwd, env: { PATH: '/usr/bin:/bin', HOME: home, KUBECONFIG: join(home, 'kubeconfig') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? -1)));
    return { stdout, stderr, code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

export async function runOurs(session: Session, args: string[], files: Files = {}): Promise<KubectlRun> {
  const cwd = session.shell.cwd;
  for (const [path, content] of Object.entries(files)) {
    const full = `${cwd}/${path}`;
    session.fs.mkdir(full.slice(0, full.lastIndexOf('/')), { recursive: true });
    session.fs.writeFile(full, content);
  }
  return runLine(session, ['kubectl', ...args].map(quote).join(' '));
}

export interface ParityCase {
  /** A sentence, or the upstream test case name. */
  name: string;
  args: string[];
  files?: Files;
}

/**
 * One `it` per case: the oracle and our kubectl run the same line over the same files, and must
 * print the same stdout and stderr and exit alike. With `discovery`, the oracle's server is one
 * that answers only discovery, from our own session (for `run`, `--local` and friends).
 */
export function describeParity(title: string, cases: ParityCase[], options: { discovery?: boolean } = {}): void {
  describe(title, () => {
    let session: Session;
    let server: DiscoveryServer | undefined;
    beforeAll(async () => {
      session = await newSession();
      if (options.discovery) server = await serveDiscovery(await session.api.discover());
    });
    afterAll(async () => {
      await server?.close();
    });
    it.each(cases)('$name', async ({ args, files }) => {
      const real = await runOracle(args, files, server?.url);
      const ours = await runOurs(session, args, files);
      expect(ours).toEqual(real);
    });
  });
}
