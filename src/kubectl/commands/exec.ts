/** `kubectl exec [-it] POD [-c C] -- CMD…` through the pods/exec subresource. */
import { boolFlag, stringFlag } from '../flags.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import type { KubectlCommand } from '../kubectl-command.ts';

export const execCommand: KubectlCommand = {
  path: 'exec',
  flags: [
    { name: 'container', short: 'c', kind: 'string' },
    { name: 'stdin', short: 'i', kind: 'bool' },
    { name: 'tty', short: 't', kind: 'bool' },
    { name: 'quiet', short: 'q', kind: 'bool' },
  ],
  async run(inv) {
    const command = inv.flags.dashArgs;
    if (!command) {
      if (inv.args.length > 1) throw new KubectlError(`error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples`);
      throw new KubectlError(`error: you must specify at least one command for the container`);
    }
    if (inv.args.length === 0) throw new KubectlError(`error: expected 'exec POD_NAME COMMAND [ARG1] [ARG2] ... [ARGN]'.\nPOD_NAME and COMMAND are required arguments for the exec command\nSee 'kubectl exec -h' for help and examples`);
    if (command.length === 0) throw new KubectlError(`error: you must specify at least one command for the container`);
    let pod = inv.args[0]!;
    if (pod.includes('/')) {
      const [type, name] = pod.split('/') as [string, string];
      if (inv.mapper.resolve(type)?.kind !== 'Pod') throw new KubectlError(`error: cannot exec into multiple objects at a time`);
      pod = name;
    }
    const podRes = await inv.api.request<{ spec?: { containers?: { name: string }[] } }>({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: inv.namespace, name: pod });
    if (!podRes.ok) {
      inv.err(`${formatStatus(podRes.body)}\n`);
      return 1;
    }
    let container = stringFlag(inv.flags, 'container');
    const containers = podRes.body.spec?.containers ?? [];
    if (!container) {
      container = containers[0]?.name;
      if (containers.length > 1 && !boolFlag(inv.flags, 'quiet')) inv.err(`Defaulted container "${container}" out of: ${containers.map((c) => c.name).join(', ')}\n`);
    }
    const interrupted = new Promise<void>((resolve) => inv.ctx.interrupt.onInterrupt(resolve));
    const res = await inv.api.exec(
      { namespace: inv.namespace, pod, ...(container ? { container } : {}), command, tty: boolFlag(inv.flags, 'tty') },
      { stdin: boolFlag(inv.flags, 'stdin') ? inv.ctx.stdin : '', onStdout: (t) => inv.out(t), onStderr: (t) => inv.err(t), interrupted },
    );
    if (!res.ok) {
      const body = res.body;
      inv.err(body.reason === 'NotFound' ? `${formatStatus(body)}\n` : `error: ${body.message}\n`);
      return 1;
    }
    if (res.body.exitCode !== 0) {
      inv.err(`command terminated with exit code ${res.body.exitCode}\n`);
      return res.body.exitCode;
    }
    return 0;
  },
};
