/**
 * A learner on the real kubectl v1.35.2 plays the rolling-updates lab against `cka-lab serve --lab
 * rolling-updates`: edit, set image, rollout status, patch, exec -it with typed input, logs -f then
 * Ctrl-C; the served lab grades every step as passed.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleKubectlPath } from '../../scripts/kubectl-oracle.mjs';
import { readLabFiles } from '../../src/cli/node-host.ts';
import { DEFAULT_START_TIME_MS } from '../../src/engine/cluster.ts';
import { loadLab } from '../../src/labs/load-lab.ts';
import { HeldServedCluster, runRealKubectl, type Run } from '../support/held-served-cluster.ts';

let cluster: HeldServedCluster;
let dir: string;

function kubectl(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return cluster.whileRunning(runRealKubectl(args, { kubeconfig: cluster.kubeconfig, cwd: dir, home: dir, env }));
}

async function lab(request: unknown): Promise<string[]> {
  const response = await fetch(`${cluster.served.url}/.cka-lab/lab`, { method: 'POST', body: JSON.stringify(request) });
  return ((await response.json()) as { lines: string[] }).lines;
}

/** Runs kubectl on a pseudo-terminal (util-linux `script`), typing `input` line by line. */
function onTerminal(args: string[], input: string[]): Promise<Run> {
  const command = [oracleKubectlPath(), ...args].map((word) => `'${word}'`).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, KUBECONFIG: cluster.kubeconfig, TERM: 'dumb' } });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  let sent = 0;
  const typeNext = setInterval(() => {
    if (sent < input.length && stdout.includes('#')) child.stdin.write(`${input[sent++]}\r`);
  }, 300);
  const done = new Promise<Run>((resolve) =>
    child.on('close', (code) => {
      clearInterval(typeNext);
      resolve({ stdout, stderr: '', code: code ?? 1 });
    }),
  );
  return cluster.whileRunning(done);
}

beforeAll(async () => {
  const loaded = loadLab(readLabFiles('rolling-updates')!);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  dir = mkdtempSync(join(tmpdir(), 'cka-lab-rolling-'));
  cluster = new HeldServedCluster(join(dir, 'kubeconfig'));
  await cluster.start(loaded.lab, DEFAULT_START_TIME_MS);
}, 60_000);

afterAll(async () => {
  await cluster?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the rolling-updates lab played with the real kubectl over HTTP', () => {
  it('answers the questions about the starting state', async () => {
    expect((await kubectl(['get', 'deploy', 'frontend', '-o', 'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}'])).stdout).toBe('4 kodekloud/webapp-color:v1');
    for (const [step, text] of [
      ['current-color', 'blue'],
      ['pod-count', '4'],
      ['image', 'kodekloud/webapp-color:v1'],
      ['strategy', 'RollingUpdate'],
      ['upgrade-behaviour', 'PODs are upgraded few at a time'],
    ]) {
      await lab({ answer: { step, text } });
    }
  });

  it('upgrades to v2 through kubectl edit and waits for the rollout', async () => {
    const editor = join(dir, 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\nsed -i 's#webapp-color:v1#webapp-color:v2#' "$1"\n`);
    chmodSync(editor, 0o755);
    expect(await kubectl(['edit', 'deployment', 'frontend'], { KUBE_EDITOR: editor })).toEqual({ stdout: 'deployment.apps/frontend edited\n', stderr: '', code: 0 });
    expect(await lab({ check: 'upgrade-to-v2' })).toEqual([expect.stringMatching(/^step upgrade-to-v2 pass/)]);
    const status = await kubectl(['rollout', 'status', 'deployment/frontend']);
    expect(status.code).toBe(0);
    expect(status.stdout.split('\n').at(-2)).toBe('deployment "frontend" successfully rolled out');
    await lab({ answer: { step: 'max-down', text: '1' } });
  }, 180_000);

  it('switches to Recreate with a JSON patch and rolls out v3 with set image', async () => {
    const patch = '[{"op":"remove","path":"/spec/strategy/rollingUpdate"},{"op":"replace","path":"/spec/strategy/type","value":"Recreate"}]';
    expect(await kubectl(['patch', 'deployment', 'frontend', '--type=json', `-p=${patch}`])).toEqual({ stdout: 'deployment.apps/frontend patched\n', stderr: '', code: 0 });
    expect(await lab({ check: 'switch-to-recreate' })).toEqual([expect.stringMatching(/^step switch-to-recreate pass/)]);
    expect(await kubectl(['set', 'image', 'deployment/frontend', 'simple-webapp=kodekloud/webapp-color:v3'])).toEqual({
      stdout: 'deployment.apps/frontend image updated\n',
      stderr: '',
      code: 0,
    });
    const status = await kubectl(['rollout', 'status', 'deployment/frontend']);
    expect(status.stdout.split('\n').at(-2)).toBe('deployment "frontend" successfully rolled out');
  }, 180_000);

  it('runs a shell in the curl pod with typed input over exec -it', async () => {
    const run = await onTerminal(['exec', '-it', '-n', 'kube-public', 'curl', '--', 'sh'], ['echo typed-$((6*7))', 'exit 3']);
    expect(run.stdout).toContain('typed-42');
    expect(run.code).toBe(3);
  }, 60_000);

  it('follows a log until interrupted', async () => {
    const pod = (await kubectl(['get', 'pods', '-l', 'name=webapp', '-o', 'jsonpath={.items[0].metadata.name}'])).stdout;
    const child = spawn(oracleKubectlPath(), ['logs', '-f', pod], { env: { PATH: process.env.PATH ?? '', HOME: dir, KUBECONFIG: cluster.kubeconfig } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGINT');
    // kubectl v1.35.2 catches SIGINT and exits 1 (measured).
    expect(await exited).toBe(1);
    expect(stdout).toContain('Color from environment variable');
  }, 30_000);

  it('grades every step of the lab as passed', async () => {
    const verdicts = await lab({ check: null });
    expect(verdicts.filter((line) => !/^step \S+ pass /.test(line))).toEqual([]);
    expect(verdicts.length).toBeGreaterThan(5);
  });
});
