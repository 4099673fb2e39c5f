/** `kubectl logs POD [-c C] [--previous] [--tail N]` through the pods/log subresource. */
import { boolFlag, intFlag, stringFlag } from '../flags.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import type { KubectlCommand } from '../kubectl-command.ts';

export const logsCommand: KubectlCommand = {
  path: 'logs',
  flags: [
    { name: 'container', short: 'c', kind: 'string' },
    { name: 'previous', short: 'p', kind: 'bool' },
    { name: 'tail', kind: 'int' },
    { name: 'follow', short: 'f', kind: 'bool' },
    { name: 'timestamps', kind: 'bool' },
    { name: 'all-containers', kind: 'bool' },
  ],
  async run(inv) {
    let pod = inv.args[0];
    if (!pod) throw new KubectlError("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
    if (pod.includes('/')) pod = pod.slice(pod.indexOf('/') + 1);
    const got = await inv.api.request<{ spec?: { containers?: { name: string }[] } }>({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: inv.namespace, name: pod });
    if (!got.ok) {
      inv.err(`${formatStatus(got.body)}\n`);
      return 1;
    }
    let container = stringFlag(inv.flags, 'container') ?? inv.args[1];
    const containers = got.body.spec?.containers ?? [];
    if (!container) {
      container = containers[0]?.name;
      if (containers.length > 1) inv.err(`Defaulted container "${container}" out of: ${containers.map((c) => c.name).join(', ')}\n`);
    }
    const tail = intFlag(inv.flags, 'tail');
    const fetch = () =>
      inv.api.request<string>({
        verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: inv.namespace, name: pod, subresource: 'log',
        query: { ...(container ? { container } : {}), ...(boolFlag(inv.flags, 'previous') ? { previous: true } : {}), ...(tail !== undefined && tail >= 0 ? { tailLines: tail } : {}) },
      });
    const res = await fetch();
    if (!res.ok) {
      inv.err(`${formatStatus(res.body)}\n`);
      return 1;
    }
    inv.out(res.body);
    if (!boolFlag(inv.flags, 'follow')) return 0;
    // -f: keep printing what the container writes until Ctrl-C.
    let shown = res.body.length;
    while (!inv.ctx.interrupt.interrupted) {
      try {
        await inv.ctx.time.sleep(1000);
      } catch {
        break;
      }
      const next = await inv.api.request<string>({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: inv.namespace, name: pod, subresource: 'log', query: { ...(container ? { container } : {}) } });
      if (!next.ok) break;
      if (next.body.length > shown) inv.out(next.body.slice(shown));
      shown = next.body.length;
    }
    return 130;
  },
};
