/**
 * `kubectl wait ([-f FILE] | TYPE[.GROUP] [NAME | -l LABEL | --all]) --for=… [--timeout=30s]`:
 * waits on a watch for each object in turn, the whole command bounded by one timeout measured on
 * the cluster's (virtual) clock.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go RunWaitContext, condition.go, delete.go.
 */
import { checkDurationFlag } from '../../duration-flag.ts';
import type { ApiResource, KubeObject, WatchEvent } from '../../../engine/api/client.ts';
import type { Interrupt } from '../../../shell/command.ts';
import { formatStatus, KubectlError, MISSING_RESOURCES } from '../../errors.ts';
import { boolFlag, stringFlag, stringsFlag } from '../../flags.ts';
import type { Invocation, KubectlCommand } from '../../kubectl-command.ts';
import { printChanged } from '../../local-objects.ts';
import { getObject } from '../../object-client.ts';
import { mappingError } from '../manifest-targets.ts';
import { PRINT_FLAGS } from '../../printers/generated-object-printer.ts';
import { parseResourceArgs, requestBase } from '../../resource-args.ts';
import { readManifests } from '../../manifests.ts';
import { LOCAL_WITH_RESOURCES } from '../set/pod-template-targets.ts';
import { parseConditions, type WaitCondition } from './wait-conditions.ts';

const WEEK_MS = 168 * 3600 * 1000;

interface Info {
  resource: ApiResource;
  namespace: string;
  name: string;
  obj?: KubeObject;
}

/** Where each object is named or listed; `notFound` collects the names the server does not have. */
type Found = { infos: Info[]; errors: string[]; notFound: boolean };

async function findObjects(inv: Invocation, allNamespaces: boolean): Promise<Found> {
  const found: Found = { infos: [], errors: [], notFound: false };
  const selector = stringFlag(inv.flags, 'selector');
  const fieldSelector = stringFlag(inv.flags, 'field-selector');
  const namespace = allNamespaces ? '' : inv.namespace;
  const get = async (resource: ApiResource, name: string, ns: string) => {
    const res = await getObject(inv.api, resource, ns, name);
    if (res.ok) found.infos.push({ resource, namespace: ns, name, obj: res.body });
    else {
      if (res.body.reason === 'NotFound') found.notFound = true;
      found.errors.push(formatStatus(res.body));
    }
  };
  const files = stringsFlag(inv.flags, 'filename');
  if (files.length > 0) {
    for (const m of await readManifests(inv.ctx, files, { recursive: boolFlag(inv.flags, 'recursive') })) {
      const [group, version] = (m.obj.apiVersion ?? '').includes('/') ? m.obj.apiVersion!.split('/') : ['', m.obj.apiVersion ?? ''];
      const resource = inv.mapper.resources.find((r) => r.kind === m.obj.kind && r.group === group && r.version === version);
      if (!resource) throw new KubectlError(`error: ${mappingError(m)}`);
      await get(resource, m.obj.metadata?.name ?? '', m.obj.metadata?.namespace ?? inv.namespace);
    }
  }
  for (const target of parseResourceArgs(inv.args, inv.mapper)) {
    if (target.names.length > 0) {
      for (const name of target.names) await get(target.resource, name, inv.namespace);
      continue;
    }
    if (!selector && !fieldSelector && !boolFlag(inv.flags, 'all')) throw new KubectlError('error: resource(s) were provided, but no name was specified');
    const res = await inv.api.request({
      verb: 'list',
      ...requestBase(target.resource, namespace),
      query: { ...(selector ? { labelSelector: selector } : {}), ...(fieldSelector ? { fieldSelector } : {}) },
    });
    if (!res.ok) found.errors.push(formatStatus(res.body));
    else
      for (const obj of (res.body as { items: KubeObject[] }).items)
        found.infos.push({ resource: target.resource, namespace: obj.metadata?.namespace ?? namespace, name: obj.metadata?.name ?? '', obj });
  }
  return found;
}

/**
 * The deadline of the whole command: one timer on the virtual clock, cancelled when the command
 * ends. Every wait ends when it fires.
 */
class Deadline {
  #expired = false;
  readonly #listeners = new Set<() => void>();
  readonly #cancel = new Set<() => void>();

  constructor(
    private readonly inv: Invocation,
    timeoutMs: number,
  ) {
    const cancel: Interrupt = {
      interrupted: false,
      onInterrupt: (listener) => {
        this.#cancel.add(listener);
        return () => this.#cancel.delete(listener);
      },
    };
    inv.ctx.time.sleep(timeoutMs, cancel).then(
      () => {
        this.#expired = true;
        for (const listener of [...this.#listeners]) listener();
      },
      () => undefined,
    );
  }

  get expired(): boolean {
    return this.#expired;
  }

  /** Stops the timer so no sleep outlives the command. */
  dispose(): void {
    for (const listener of [...this.#cancel]) listener();
  }

  /** Resolves true after `ms`, or false as soon as the deadline passes. */
  sleep(ms: number): Promise<boolean> {
    if (this.#expired) return Promise.resolve(false);
    return new Promise((resolve) => {
      const onExpire = () => resolve(false);
      this.#listeners.add(onExpire);
      this.inv.ctx.time.sleep(ms, this.inv.ctx.interrupt).then(
        () => {
          this.#listeners.delete(onExpire);
          resolve(true);
        },
        () => resolve(false),
      );
    });
  }

  /** Watches the object until `decide` returns a result or the deadline passes (undefined). */
  watchUntil<T>(info: Info, resourceVersion: string, decide: (event: WatchEvent) => T | undefined): Promise<T | undefined> {
    if (this.#expired) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      let finished = false;
      const finish = (value: T | undefined) => {
        if (finished) return;
        finished = true;
        this.#listeners.delete(onExpire);
        handle.stop();
        resolve(value);
      };
      const onExpire = () => finish(undefined);
      this.#listeners.add(onExpire);
      const handle = this.inv.api.watch({ verb: 'watch', ...requestBase(info.resource, info.namespace), name: info.name, query: { resourceVersion } }, (event) => {
        if (finished) return;
        const value = decide(event);
        if (value !== undefined) finish(value);
      });
      this.inv.ctx.interrupt.onInterrupt(() => finish(undefined));
    });
  }
}

const timedOutOn = (info: Info) => `error: timed out waiting for the condition on ${info.resource.name}/${info.name}`;

/** One condition on one object: the object to print when met, or the error. */
async function waitFor(inv: Invocation, info: Info, condition: WaitCondition, deadline: Deadline, timeoutMs: number): Promise<{ obj: KubeObject } | { error: string }> {
  const res = await getObject(inv.api, info.resource, info.namespace, info.name);
  if (condition.kind === 'delete') {
    if (!res.ok) return res.body.reason === 'NotFound' ? { obj: info.obj! } : { error: formatStatus(res.body) };
    if (timeoutMs === 0) return { error: `error: condition not met for ${info.resource.name}/${info.name}` };
    const uid = res.body.metadata?.uid;
    const done = await deadline.watchUntil(info, res.body.metadata?.resourceVersion ?? '', (event) =>
      event.type === 'DELETED' || (event.object as KubeObject).metadata?.uid !== uid ? true : undefined,
    );
    return done ? { obj: info.obj! } : { error: timedOutOn(info) };
  }
  if (condition.kind === 'create') return { obj: res.ok ? res.body : info.obj! };
  if (!res.ok) return { error: formatStatus(res.body) };
  const first = condition.check(res.body);
  if (typeof first === 'string') return { error: `error: ${first}` };
  if (first) return { obj: res.body };
  if (timeoutMs === 0) return { error: `error: condition not met for ${info.resource.name}/${info.name}` };
  const outcome = await deadline.watchUntil<{ obj: KubeObject } | { error: string }>(info, res.body.metadata?.resourceVersion ?? '', (event) => {
    if (event.type === 'DELETED' || event.type === 'ERROR') return undefined;
    const obj = event.object as KubeObject;
    const result = condition.check(obj);
    if (typeof result === 'string') return { error: `error: ${result}` };
    return result ? { obj } : undefined;
  });
  return outcome ?? { error: timedOutOn(info) };
}

/** `--for=create`: the builder retried every half second until it finds every object. */
async function waitForCreate(inv: Invocation, allNamespaces: boolean, deadline: Deadline): Promise<Found> {
  for (;;) {
    const found = await findObjects(inv, allNamespaces);
    if (!found.notFound && found.errors.length > 0) throw new KubectlError(found.errors.join('\n'));
    if (!found.notFound && found.infos.length > 0) return found;
    if (!(await deadline.sleep(500))) throw new KubectlError('error: timed out waiting for the condition');
  }
}

export const waitCommand: KubectlCommand = {
  path: 'wait',
  flags: [
    { name: 'all', kind: 'bool' },
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'field-selector', kind: 'string' },
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'for', kind: 'strings' },
    { name: 'local', kind: 'bool' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'timeout', kind: 'string' },
    ...PRINT_FLAGS,
  ],
  async run(inv) {
    const timeout = checkDurationFlag(inv, 'timeout', 'wait', '30s');
    const timeoutMs = timeout < 0 ? WEEK_MS : timeout;
    const conditions = parseConditions(stringsFlag(inv.flags, 'for'));
    const allNamespaces = boolFlag(inv.flags, 'all-namespaces');
    if (boolFlag(inv.flags, 'local') && inv.args.length > 0) throw new KubectlError(LOCAL_WITH_RESOURCES);
    if (inv.args.length === 0 && stringsFlag(inv.flags, 'filename').length === 0) throw new KubectlError(MISSING_RESOURCES);
    if (allNamespaces && parseResourceArgs(inv.args, inv.mapper).some((t) => t.names.length > 0))
      throw new KubectlError('error: a resource cannot be retrieved by name across all namespaces');
    const deadline = new Deadline(inv, timeoutMs);
    try {
      return await waitAll(inv, conditions, allNamespaces, deadline, timeoutMs);
    } finally {
      deadline.dispose();
    }
  },
};

async function waitAll(inv: Invocation, conditions: WaitCondition[], allNamespaces: boolean, deadline: Deadline, timeoutMs: number): Promise<number> {
  const isForDelete = conditions.some((c) => c.kind === 'delete');
  const found = conditions.some((c) => c.kind === 'create') ? await waitForCreate(inv, allNamespaces, deadline) : await findObjects(inv, allNamespaces);
  const errors = isForDelete ? found.errors.filter((e) => !e.startsWith('Error from server (NotFound)')) : found.errors;
  if (errors.length > 0) throw new KubectlError(errors.join('\n'));
  if (found.infos.length === 0 && !isForDelete) throw new KubectlError('error: no matching resources found');
  // The visitor goes on after an object fails; once the deadline has passed, every later object
  // times out at once, whatever its state.
  const failures: string[] = [];
  for (const info of found.infos) {
    let met: KubeObject | undefined;
    for (const condition of conditions) {
      const result = timeoutMs > 0 && deadline.expired ? { error: timedOutOn(info) } : await waitFor(inv, info, condition, deadline, timeoutMs);
      if ('error' in result) {
        failures.push(result.error);
        met = undefined;
        break;
      }
      met = result.obj;
    }
    // kubectl v1.35 prints one line per object however many conditions it met.
    if (met) printChanged(inv, { resource: info.resource, obj: met }, 'condition met');
  }
  if (failures.length === 0) return 0;
  // checkErr: one error as `error: …`, an aggregate of several one bare message a line.
  inv.err(failures.length === 1 ? `${failures[0]}\n` : failures.map((f) => `${f.replace(/^error: /, '')}\n`).join(''));
  return 1;
}
