/**
 * Our kubectl over HttpApiClient and the real kubectl v1.35.2 against the same canned API server:
 * what reaches the terminal must be the same bytes and exit code (live, both run here).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleKubectlPath } from '../../scripts/kubectl-oracle.mjs';
import { CANNED_CLUSTER } from '../../src/cli/remote/testing/canned-cluster.ts';
import { FakeApiServer } from '../../src/cli/remote/testing/fake-api-server.ts';
import { runRemoteKubectl } from '../../src/cli/remote/testing/run-remote-kubectl.ts';

const server = new FakeApiServer(CANNED_CLUSTER);
const home = mkdtempSync(join(tmpdir(), 'oracle-home-'));
let url = '';
beforeAll(async () => {
  url = await server.listen();
});
afterAll(async () => {
  await server.close();
  rmSync(home, { recursive: true });
});

function oracle(args: string[], stdin: string): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    // A fresh HOME: no kubeconfig of the machine, no discovery cache between runs.
    const child = spawn(oracleKubectlPath(), ['-s', url, ...args], { env: { PATH: process.env.PATH ?? '', HOME: home } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.stdin.end(stdin);
    child.on('close', (code) => resolve({ stdout, stderr, code: code ?? -1 }));
  });
}

const cases: { args: string[]; stdin?: string }[] = [
  { args: ['get', 'pods'] },
  { args: ['get', 'pods', '-o', 'wide'] },
  { args: ['get', 'pods', '--show-labels'] },
  { args: ['get', 'pods', '-o', 'name'] },
  { args: ['get', 'po/web', '-o', 'jsonpath={.status.phase}'] },
  { args: ['get', 'pod', 'nope'] },
  { args: ['get', 'pod', 'locked'] },
  { args: ['get', 'pod', 'crash', '-o', 'yaml'] },
  { args: ['get', 'pod', 'gone'] },
  { args: ['api-resources'] },
  { args: ['logs', 'web'] },
  { args: ['logs', 'web', '-c', 'web', '--tail=1'] },
  { args: ['exec', 'web', '--', 'echo', 'hello', 'world'] },
  { args: ['exec', 'web', '--', 'exit', '3'] },
  { args: ['exec', 'web', '--', 'nosuch'] },
  { args: ['exec', 'web', '-c', 'nope', '--', 'ls'] },
  { args: ['exec', '-i', 'web', '--', 'cat'], stdin: 'one\ntwo\n' },
  { args: ['version'] },
  { args: ['version', '-o', 'json'] },
];

describe('kubectl over HTTP matches kubectl v1.35.2 on the same server', () => {
  it.each(cases.map((c) => [c.args.join(' '), c] as const))('kubectl %s', async (_label, { args, stdin }) => {
    const expected = await oracle(args, stdin ?? '');
    expect(await runRemoteKubectl(url, args, { stdin: stdin ?? '' })).toEqual(expected);
  });
});
