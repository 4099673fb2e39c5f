/** `kubectl describe (-f FILE | TYPE [NAME_PREFIX | -l SEL] [-A])`: one text per object, separated by a blank line. */
import type { KubeObject } from '../../engine/api/client.ts';
import { boolFlag, stringFlag } from '../flags.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { getObject, listObjects } from '../object-client.ts';
import { parseResourceArgs, requestBase } from '../resource-args.ts';
import { fileArgManifests, KUSTOMIZE_FLAG, namespaceOf, noFileArgs, resourceOf } from './manifest-targets.ts';
import { describerFor } from './describe/describers.ts';

export const describeCommand: KubectlCommand = {
  path: 'describe',
  flags: [
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    KUSTOMIZE_FLAG,
    { name: 'show-events', kind: 'bool' },
    // Only how the lists are fetched, never what is printed.
    { name: 'chunk-size', kind: 'int' },
  ],
  async run(inv) {
    if (inv.args.length === 0 && noFileArgs(inv))
      throw new KubectlError('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
    const allNamespaces = boolFlag(inv.flags, 'all-namespaces');
    let status = 0;
    const texts: string[] = [];
    const settings = { showEvents: inv.flags.values.get('show-events') !== false };
    const describe = async (kind: string, obj: KubeObject) => texts.push(await describerFor(kind)(inv.api, { ...obj, kind }, inv.ctx.time.now(), settings));
    for (const m of await fileArgManifests(inv)) {
      const resource = resourceOf(inv, m);
      const res = await getObject(inv.api, resource, namespaceOf(inv, m, resource) ?? '', m.obj.metadata?.name ?? '');
      if (res.ok) await describe(resource.kind, res.body);
      else {
        inv.err(`${formatStatus(res.body)}\n`);
        status = 1;
      }
    }
    let listedNone = false;
    for (const target of parseResourceArgs(inv.args, inv.mapper)) {
      let objects: KubeObject[] = [];
      if (target.names.length && allNamespaces) throw new KubectlError('error: a resource cannot be retrieved by name across all namespaces');
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
        const selector = stringFlag(inv.flags, 'selector');
        const all = await inv.api.request<{ items: KubeObject[] }>({
          verb: 'list',
          ...requestBase(target.resource, allNamespaces ? undefined : inv.namespace),
          ...(selector ? { query: { labelSelector: selector } } : {}),
        });
        objects = all.ok ? all.body.items : [];
        if (objects.length === 0) listedNone = true;
      }
      // List items carry no kind; the describers (and their event search) need it.
      for (const obj of objects) await describe(target.resource.kind, obj);
    }
    if (listedNone && texts.length === 0 && status === 0) inv.err(allNamespaces ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
    if (texts.length) inv.out(texts.join('\n\n') + (texts.at(-1)!.endsWith('\n') ? '' : '\n'));
    return status;
  },
};
