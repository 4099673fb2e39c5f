/**
 * `kubectl run -i[t] [--rm]`: after creating the pod, wait for it to run, show what it has logged,
 * attach, then (with --restart=Never or OnFailure) wait for it to finish and return its exit code;
 * --rm deletes the pod before any error is printed, as run.go's deferred removal does.
 * Models pkg/cmd/run/run.go (v1.35.2) Run, handleAttachPod, waitForPod and logOpts.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { WatchEvent } from '../../engine/api/client.ts';
import { formatStatus } from '../errors.ts';
import type { Invocation } from '../kubectl-command.ts';
import { defaultContainer } from '../pod-containers.ts';
import { attachToPod } from './attach.ts';
import { deletedLine } from './deleted-line.ts';

export interface RunAttachSettings {
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  remove: boolean;
  restart: string;
  leaveStdinOpen: boolean;
}

/** What ends the command: an exit code and the error kubectl prints last, if any. */
interface Outcome {
  code: number;
  error?: string;
}

export async function runAttached(inv: Invocation, name: string, settings: RunAttachSettings): Promise<number> {
  let outcome: Outcome;
  try {
    outcome = await attachAndWait(inv, name, settings);
  } finally {
    if (settings.remove) await removePod(inv, name, settings.quiet);
  }
  if (outcome.error) inv.err(outcome.error);
  return outcome.code;
}

async function attachAndWait(inv: Invocation, name: string, settings: RunAttachSettings): Promise<Outcome> {
  const ready = await waitForPod(inv, name, podRunningAndReady);
  if ('code' in ready) return ready;
  const pod = ready.pod;
  const container = defaultContainer(pod, undefined)?.name;
  if (ready.completed) {
    await printLogs(inv, name, container);
  } else {
    // The pre-attach logs: what the container wrote before the session began.
    const logged = await readLogs(inv, name, container);
    if (logged.ok) inv.out(logged.text);
    else if (!settings.quiet) inv.err(`warning: couldn't fetch pre-attach logs: ${logged.message}\n`);
    const attached = await attachToPod(inv, pod, { container: undefined, stdin: settings.stdin, tty: settings.tty, quiet: settings.quiet });
    if (typeof attached === 'number') {
      if (attached !== 0) return { code: attached };
    } else {
      inv.err(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${attached.failure.message}\n`);
      await printLogs(inv, name, container);
    }
  }
  const waitForExitCode = !settings.leaveStdinOpen && (settings.restart === 'Never' || settings.restart === 'OnFailure');
  if (!waitForExitCode) return { code: 0 };
  const done = await waitForPod(inv, name, settings.restart === 'OnFailure' ? podSucceeded : podCompleted);
  if ('code' in done) return done;
  const finished = done.pod;
  const namespace = finished.metadata?.namespace ?? inv.namespace;
  switch (finished.status?.phase) {
    case 'Succeeded':
      return { code: 0 };
    case 'Failed': {
      const unknown = { code: 1, error: `error: pod ${namespace}/${name} failed with unknown exit code\n` };
      const terminated = finished.status.containerStatuses?.[0]?.state?.terminated;
      if (!terminated || terminated.exitCode === 0) return unknown;
      const message = `pod ${namespace}/${name} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}`;
      return { code: terminated.exitCode, error: message.endsWith('\n') ? message : `${message}\n` };
    }
    default:
      return { code: 1, error: `error: pod ${namespace}/${name} left in phase ${finished.status?.phase ?? ''}\n` };
  }
}

type Condition = (event: WatchEvent<Pod>) => boolean | 'completed' | 'deleted';

function podRunningAndReady(event: WatchEvent<Pod>): boolean | 'completed' | 'deleted' {
  if (event.type === 'DELETED') return 'deleted';
  const phase = event.object.status?.phase;
  if (phase === 'Failed' || phase === 'Succeeded') return 'completed';
  return phase === 'Running' && Boolean(event.object.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
}

function podCompleted(event: WatchEvent<Pod>): boolean | 'deleted' {
  if (event.type === 'DELETED') return 'deleted';
  const phase = event.object.status?.phase;
  return phase === 'Failed' || phase === 'Succeeded';
}

function podSucceeded(event: WatchEvent<Pod>): boolean | 'deleted' {
  if (event.type === 'DELETED') return 'deleted';
  return event.object.status?.phase === 'Succeeded';
}

/** Watches the one pod until `condition` holds; Ctrl-C ends kubectl as SIGINT does (130). */
function waitForPod(inv: Invocation, name: string, condition: Condition): Promise<{ pod: Pod; completed: boolean } | Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    // The first events may arrive before watch() returns its handle.
    let handle: { stop(): void } | undefined;
    const finish = (result: { pod: Pod; completed: boolean } | Outcome) => {
      if (settled) return;
      settled = true;
      stopInterrupt();
      handle?.stop();
      resolve(result);
    };
    const stopInterrupt = inv.ctx.interrupt.onInterrupt(() => finish({ code: 130 }));
    handle = inv.api.watch({ verb: 'watch', group: '', version: 'v1', resource: 'pods', namespace: inv.namespace, query: { fieldSelector: `metadata.name=${name}` } }, (event) => {
      if (event.type === 'ERROR') {
        finish({ code: 1, error: `${formatStatus(event.object as never)}\n` });
        return;
      }
      const verdict = condition(event as WatchEvent<Pod>);
      if (verdict === 'deleted') finish({ code: 1, error: 'Error from server (NotFound): pods "" not found\n' });
      else if (verdict === 'completed') finish({ pod: event.object as Pod, completed: true });
      else if (verdict) finish({ pod: event.object as Pod, completed: false });
    });
    if (settled) handle.stop();
  });
}

async function readLogs(inv: Invocation, name: string, container: string | undefined): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const res = await inv.api.request<string>({
    verb: 'get',
    group: '',
    version: 'v1',
    resource: 'pods',
    namespace: inv.namespace,
    name,
    subresource: 'log',
    query: container ? { container } : {},
  });
  return res.ok ? { ok: true, text: res.body } : { ok: false, message: res.body.message };
}

async function printLogs(inv: Invocation, name: string, container: string | undefined): Promise<void> {
  const logged = await readLogs(inv, name, container);
  if (logged.ok) inv.out(logged.text);
  else inv.err(`error: ${logged.message}\n`);
}

/** removeCreatedObjects: ignore-not-found, no wait, the server's grace period. */
async function removePod(inv: Invocation, name: string, quiet: boolean): Promise<void> {
  const pods = inv.mapper.resolve('pods')!;
  const res = await inv.api.request({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: inv.namespace, name });
  if (!res.ok) {
    if (res.code !== 404) inv.err(`${formatStatus(res.body)}\n`);
    return;
  }
  if (!quiet) inv.out(deletedLine({ resource: pods, name, namespace: inv.namespace }, { gracePeriodSeconds: -1 }));
}
