/**
 * `cka-lab serve [--lab ID] [--port N] [--kubeconfig FILE] [--seed N] [--nodes N] [--paused]
 * [--start-time RFC3339] [--log-requests]`. `--nodes` is the worker count (node01, node02 …; the
 * lab's or 1 by default). `--paused` and `--start-time` are for harnesses that compare outputs run
 * to run: the clock starts held, at a fixed instant.
 */

import { MAX_WORKER_NODES } from '../engine/cluster-topology.ts';

export interface ServeArgs {
  labId?: string;
  port: number;
  kubeconfigPath: string;
  seed: number;
  workerNodes?: number;
  paused: boolean;
  startTimeMs?: number;
  logRequests: boolean;
}

export const SERVE_USAGE = 'cka-lab serve [--lab ID] [--port N] [--kubeconfig FILE] [--seed N] [--nodes N] [--paused] [--start-time RFC3339] [--log-requests]';

/** The port kube-apiserver listens on; 0 asks the system for any free one. */
export const DEFAULT_PORT = 6443;
export const DEFAULT_KUBECONFIG = 'cka-lab.kubeconfig';

export function parseServeArgs(args: string[]): ServeArgs | { error: string } {
  const parsed: ServeArgs = { port: DEFAULT_PORT, kubeconfigPath: DEFAULT_KUBECONFIG, seed: 1, paused: false, logRequests: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : args[++i]);
    switch (name) {
      case '--lab': {
        const v = value();
        if (!v) return { error: 'flag needs an argument: --lab' };
        parsed.labId = v;
        break;
      }
      case '--port': {
        const v = value();
        if (v === undefined || !/^\d+$/.test(v) || Number(v) > 65535) return { error: `invalid --port "${v ?? ''}": expected a number from 0 to 65535` };
        parsed.port = Number(v);
        break;
      }
      case '--kubeconfig': {
        const v = value();
        if (!v) return { error: 'flag needs an argument: --kubeconfig' };
        parsed.kubeconfigPath = v;
        break;
      }
      case '--seed': {
        const v = value();
        if (v === undefined || !/^\d+$/.test(v)) return { error: `invalid --seed "${v ?? ''}": expected a whole number` };
        parsed.seed = Number(v);
        break;
      }
      case '--nodes': {
        const v = value();
        if (v === undefined || !/^\d+$/.test(v) || Number(v) > MAX_WORKER_NODES)
          return { error: `invalid --nodes "${v ?? ''}": expected a worker count from 0 to ${MAX_WORKER_NODES}` };
        parsed.workerNodes = Number(v);
        break;
      }
      case '--start-time': {
        const v = value();
        const ms = v && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v) ? Date.parse(v) : NaN;
        if (Number.isNaN(ms)) return { error: `invalid --start-time "${v ?? ''}": expected RFC3339 UTC, e.g. 2026-11-22T22:00:00Z` };
        parsed.startTimeMs = ms;
        break;
      }
      case '--paused':
        parsed.paused = true;
        break;
      case '--log-requests':
        parsed.logRequests = true;
        break;
      default:
        return { error: `unknown argument "${arg}"` };
    }
  }
  return parsed;
}
