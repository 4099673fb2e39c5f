/** `cka-lab serve [--lab ID] [--port N] [--kubeconfig FILE] [--seed N] [--log-requests]`. */

export interface ServeArgs {
  labId?: string;
  port: number;
  kubeconfigPath: string;
  seed: number;
  logRequests: boolean;
}

export const SERVE_USAGE = 'cka-lab serve [--lab ID] [--port N] [--kubeconfig FILE] [--seed N] [--log-requests]';

/** The port kube-apiserver listens on; 0 asks the system for any free one. */
export const DEFAULT_PORT = 6443;
export const DEFAULT_KUBECONFIG = 'cka-lab.kubeconfig';

export function parseServeArgs(args: string[]): ServeArgs | { error: string } {
  const parsed: ServeArgs = { port: DEFAULT_PORT, kubeconfigPath: DEFAULT_KUBECONFIG, seed: 1, logRequests: false };
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
      case '--log-requests':
        parsed.logRequests = true;
        break;
      default:
        return { error: `unknown argument "${arg}"` };
    }
  }
  return parsed;
}
