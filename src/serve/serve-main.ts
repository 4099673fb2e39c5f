/**
 * `cka-lab serve`: serves a session's cluster (a lab's, with --lab) to the real kubectl, writes a
 * kubeconfig for it, and runs until SIGINT or SIGTERM.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadLab } from '../labs/load-lab.ts';
import { kubeconfigText } from './kubeconfig.ts';
import { parseServeArgs, SERVE_USAGE } from './serve-args.ts';
import { serveCluster } from './served-cluster.ts';

export interface ServeHost {
  readLabFiles(labId: string): Record<string, string> | undefined;
  out(text: string): void;
  err(text: string): void;
  /** Resolves on the first SIGINT or SIGTERM. */
  untilSignal(): Promise<string>;
}

export async function serveMain(args: string[], host: ServeHost): Promise<number> {
  const parsed = parseServeArgs(args);
  if ('error' in parsed) {
    host.err(`cka-lab serve: ${parsed.error}\nUsage: ${SERVE_USAGE}\n`);
    return 2;
  }
  let lab;
  if (parsed.labId) {
    const files = host.readLabFiles(parsed.labId);
    if (!files) {
      host.err(`cka-lab serve: unknown lab "${parsed.labId}"\n`);
      return 1;
    }
    const loaded = loadLab(files);
    if (!loaded.ok) {
      host.err(`cka-lab serve: lab "${parsed.labId}" is invalid:\n${loaded.errors.join('\n')}\n`);
      return 1;
    }
    lab = loaded.lab;
  }
  const served = await serveCluster({
    port: parsed.port,
    seed: parsed.seed,
    ...(parsed.workerNodes !== undefined ? { workerNodes: parsed.workerNodes } : {}),
    paused: parsed.paused,
    ...(parsed.startTimeMs !== undefined ? { startTimeMs: parsed.startTimeMs } : {}),
    ...(lab ? { lab } : {}),
    ...(parsed.logRequests ? { logRequest: (line: string) => host.err(`${line}\n`) } : {}),
    logError: (line: string) => host.err(`${line}\n`),
  });
  writeFileSync(parsed.kubeconfigPath, kubeconfigText(served.url));
  const shown = parsed.kubeconfigPath.includes('/') ? parsed.kubeconfigPath : resolve(parsed.kubeconfigPath);
  host.out(
    `Serving ${lab ? `lab "${lab.id}"` : 'a fresh cluster'} at ${served.url} (virtual clock ${parsed.paused ? 'paused' : 'at 1x real time'})\n` +
      `Kubeconfig written to ${shown}\n` +
      `Try:  kubectl --kubeconfig ${shown} get pods\n` +
      `Press Ctrl-C to stop.\n`,
  );
  await host.untilSignal();
  await served.close();
  return 0;
}
