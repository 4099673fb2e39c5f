/**
 * The real kubectl v1.35.2 on a pseudo-terminal against `cka-lab serve`: `run -it --rm` attaches
 * to the shell, deletes the pod and returns its exit code; `attach -it` joins it again after the
 * session ended; `port-forward` tunnels a connection to the pod's port.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleKubectlPath } from '../../scripts/kubectl-oracle.mjs';
import { DEFAULT_START_TIME_MS } from '../../src/engine/cluster.ts';
import { HeldServedCluster, runRealKubectl, type Run } from '../support/held-served-cluster.ts';
import { nodeLocalPorts } from '../../src/cli/remote/node-local-ports.ts';
import { runRemoteKubectl } from '../../src/cli/remote/testing/run-remote-kubectl.ts';

let cluster: HeldServedCluster;
let dir: string;

const NOTICE =
  'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\r\n' +
  "If you don't see a command prompt, try pressing enter.\r\n";

/** Runs kubectl on a pseudo-terminal (util-linux `script`), typing each line once the shell prompts. */
function onTerminal(args: string[], input: string[]): Promise<Run> {
  const command = [oracleKubectlPath(), ...args].map((word) => `'${word}'`).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, KUBECONFIG: cluster.kubeconfig, TERM: 'dumb' } });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  let sent = 0;
  let promptsSeen = 0;
  const typeNext = setInterval(() => {
    const prompts = stdout.split('/ # ').length - 1;
    if (sent < input.length && prompts > promptsSeen) {
      promptsSeen = prompts;
      child.stdin.write(`${input[sent++]}\r`);
    }
  }, 200);
  const done = new Promise<Run>((resolve) =>
    child.on('close', (code) => {
      clearInterval(typeNext);
      resolve({ stdout, stderr: '', code: code ?? 1 });
    }),
  );
  return cluster.whileRunning(done);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cka-lab-attach-'));
  cluster = new HeldServedCluster(join(dir, 'kubeconfig'));
  await cluster.start(undefined, DEFAULT_START_TIME_MS);
}, 60_000);

afterAll(async () => {
  await cluster?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('attach and run -it with the real kubectl over HTTP', () => {
  it('run -it --rm --restart=Never attaches, deletes the pod, then reports the exit code', async () => {
    const run = await onTerminal(['run', '-it', '--rm', 't1', '--image=busybox', '--restart=Never', '--', 'sh'], ['echo hello', 'exit 3']);
    expect(run).toEqual({
      stdout: `${NOTICE}/ # echo hello\r\nhello\r\n/ # exit 3\r\npod "t1" deleted from default namespace\r\npod default/t1 terminated (Error)\r\n`,
      stderr: '',
      code: 3,
    });
  }, 60_000);

  it('run -it says how to resume, and attach -it joins the restarted shell', async () => {
    const run = await onTerminal(['run', '-it', 't3', '--image=busybox', '--', 'sh'], ['exit']);
    const resume = "Session ended, resume using 'kubectl attach t3 -c t3 -i -t' command when the pod is running\r\n";
    expect(run).toEqual({ stdout: `${NOTICE}/ # exit\r\n${resume}`, stderr: '', code: 0 });
    await cluster.advance(15_000);
    const attached = await onTerminal(['attach', '-it', 't3'], ['hostname', 'exit']);
    expect(attached).toEqual({ stdout: `${NOTICE}/ # hostname\r\nt3\r\n/ # exit\r\n${resume}`, stderr: '', code: 0 });
  }, 60_000);

  it('port-forward tunnels a connection to the pod, and a port nothing listens on ends it', async () => {
    await cluster.whileRunning(runRealKubectl(['run', 'web', '--image=nginx'], { kubeconfig: cluster.kubeconfig, cwd: dir, home: dir }));
    await cluster.advance(10_000);
    const forwarding = (remote: string) => {
      const child = spawn(oracleKubectlPath(), ['port-forward', 'pod/web', `0:${remote}`], { env: { PATH: process.env.PATH ?? '', HOME: dir, KUBECONFIG: cluster.kubeconfig } });
      const output = { stdout: '', stderr: '' };
      child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      const port = new Promise<number>((resolve) =>
        child.stdout.on('data', () => /127\.0\.0\.1:(\d+)/.test(output.stdout) && resolve(Number(/127\.0\.0\.1:(\d+)/.exec(output.stdout)![1]))),
      );
      return { child, output, exited, port };
    };
    const web = forwarding('80');
    const port = await web.port;
    const page = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(page.split('\n').slice(0, 4)).toEqual(['<!DOCTYPE html>', '<html>', '<head>', '<title>Welcome to nginx!</title>']);
    web.child.kill('SIGINT');
    expect(await web.exited).toBe(0);
    expect(web.output).toEqual({ stdout: `Forwarding from 127.0.0.1:${port} -> 80\nForwarding from [::1]:${port} -> 80\nHandling connection for ${port}\n`, stderr: '' });

    const closed = forwarding('9999');
    const closedPort = await closed.port;
    await expect(fetch(`http://127.0.0.1:${closedPort}/`)).rejects.toThrow();
    expect(await closed.exited).toBe(1);
    const stderr = closed.output.stderr
      .replace(/^E\d{4} [\d:.]+ +\d+ /, 'E ')
      .replace(/[0-9a-f]{64}/g, 'SANDBOX')
      .replace(/cni-[0-9a-f-]{36}/, 'cni-UUID');
    expect(stderr).toBe(
      `E portforward.go:424] "Unhandled Error" err="an error occurred forwarding ${closedPort} -> 9999: error forwarding port 9999 to pod SANDBOX, uid : failed to execute portforward in network namespace \\"/var/run/netns/cni-UUID\\": failed to connect to localhost:9999 inside namespace \\"SANDBOX\\", IPv4: dial tcp4 127.0.0.1:9999: connect: connection refused IPv6 dial tcp6 [::1]:9999: connect: connection refused "\nerror: lost connection to pod\n`,
    );
  }, 60_000);

  it('cka-lab kubectl port-forward reaches the pod through the kubelet WebSocket dialect', async () => {
    let page: Promise<string> | undefined;
    const run = await cluster.whileRunning(
      runRemoteKubectl(cluster.served.url, ['port-forward', 'pod/web', '0:80'], {
        localPorts: nodeLocalPorts(),
        interruptWhen: (out) => {
          const port = /\[::1\]:(\d+)/.exec(out)?.[1];
          if (port && !page) page = fetch(`http://127.0.0.1:${port}/`).then((res) => res.text());
          return out.includes('Handling connection');
        },
      }),
    );
    const port = /127\.0\.0\.1:(\d+)/.exec(run.stdout)?.[1] ?? '';
    expect(run).toEqual({ stdout: `Forwarding from 127.0.0.1:${port} -> 80\nForwarding from [::1]:${port} -> 80\nHandling connection for ${port}\n`, stderr: '', code: 0 });
    expect((await page)?.split('\n')[3]).toBe('<title>Welcome to nginx!</title>');
  }, 60_000);
});
