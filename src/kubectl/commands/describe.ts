/** `kubectl describe TYPE [NAME_PREFIX]`: one text per object, separated by a blank line. */
import type { KubeObject } from '../../engine/api/client.ts';
import { stringFlag } from '../flags.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { getObject, listObjects } from '../object-client.ts';
import { parseResourceArgs } from '../resource-args.ts';
import { describerFor } from './describe/describers.ts';

export const describeCommand: KubectlCommand = {
  path: 'describe',
  flags: [
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'filename', short: 'f', kind: 'strings' },
  ],
  async run(inv) {
    if (inv.args.length === 0)
      throw new KubectlError('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
    let status = 0;
    const texts: string[] = [];
    for (const target of parseResourceArgs(inv.args, inv.mapper)) {
      let objects: KubeObject[] = [];
      if (target.names.length) {
        for (const name of target.names) {
          const res = await getObject(inv.api, target.resource, inv.namespace, name);
          if (res.ok) objects.push(res.body);
          else {
            // describe falls back to objects whose name starts with the given text
            const all = await listObjects(inv.api, target.resource, inv.namespace);
            const prefixed = all.ok ? all.body.items.filter((o) => o.metadata?.name?.startsWith(name)) : [];
            if (prefixed.length) objects.push(...prefixed);
            else {
              inv.err(`${formatStatus(res.body)}\n`);
              status = 1;
            }
          }
        }
      } else {
        const all = await listObjects(inv.api, target.resource, inv.namespace, stringFlag(inv.flags, 'selector'));
        objects = all.ok ? all.body.items : [];
        if (objects.length === 0) {
          inv.err(`No resources found in ${inv.namespace} namespace.\n`);
          continue;
        }
      }
      // List items carry no kind; the describers (and their event search) need it.
      for (const obj of objects) texts.push(await describerFor(target.resource.kind)(inv.api, { ...obj, kind: target.resource.kind }, inv.ctx.time.now()));
    }
    if (texts.length) inv.out(texts.join('\n\n') + (texts.at(-1)!.endsWith('\n') ? '' : '\n'));
    return status;
  },
};
