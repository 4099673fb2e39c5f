/**
 * `kubectl logs -f`: prints what the container has written, then what it writes, until Ctrl-C or
 * until the followed container instance ends (as the kubelet closes the stream then). The
 * ApiClient answers pods/log as a snapshot, so following re-reads it and prints the new lines;
 * the container instance is told apart by its containerID.
 */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { RequestQuery } from '../../../engine/api/client.ts';
import { formatStatus } from '../../errors.ts';
import type { Invocation } from '../../kubectl-command.ts';

export interface LogStream {
  pod: string;
  container: string;
  /** `[pod/app/sidecar] ` with --prefix, else ''. */
  prefix: string;
}

/** How often, in virtual time, a followed log is read again. */
const POLL_MS = 500;

interface Followed extends LogStream {
  containerID: string;
  seen: number;
  done: boolean;
}

export async function followLogs(inv: Invocation, streams: LogStream[], query: RequestQuery): Promise<number> {
  const readLog = (stream: LogStream, extra: RequestQuery) =>
    inv.api.request<string>({
      verb: 'get',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: inv.namespace,
      name: stream.pod,
      subresource: 'log',
      query: { ...extra, container: stream.container },
    });
  // Only the timestamps option shapes the lines read while following.
  const fullQuery: RequestQuery = query.timestamps ? { timestamps: true } : {};
  const followed: Followed[] = [];
  for (const stream of streams) {
    const first = await readLog(stream, query);
    if (!first.ok) {
      inv.err(`${formatStatus(first.body)}\n`);
      return 1;
    }
    inv.out(prefixed(first.body, stream.prefix));
    const status = await containerStatus(inv, stream);
    const running = status?.state?.running && status.containerID && !query.previous;
    if (!running) continue;
    const full = await readLog(stream, fullQuery);
    followed.push({ ...stream, containerID: status.containerID!, seen: full.ok ? lineCount(full.body) : 0, done: false });
  }
  while (followed.some((f) => !f.done)) {
    try {
      await inv.ctx.time.sleep(POLL_MS);
    } catch {
      return 130;
    }
    if (inv.ctx.interrupt.interrupted) return 130;
    for (const f of followed.filter((s) => !s.done)) {
      const status = await containerStatus(inv, f);
      const sameInstanceRunning = status?.state?.running && status.containerID === f.containerID;
      let previous = false;
      if (!sameInstanceRunning) {
        f.done = true;
        const endedHere = status?.containerID === f.containerID && status.state?.terminated;
        const restarted = status?.lastState?.terminated?.containerID === f.containerID;
        if (!endedHere && !restarted) continue;
        // Once a new instance runs, the one followed is the previous one.
        previous = Boolean(restarted && status?.state?.running);
      }
      const res = await readLog(f, { ...fullQuery, ...(previous ? { previous: true } : {}) });
      if (!res.ok) continue;
      const lines = splitLines(res.body);
      inv.out(prefixed(lines.slice(f.seen).join(''), f.prefix));
      f.seen = lines.length;
    }
  }
  return 0;
}

async function containerStatus(inv: Invocation, stream: LogStream): Promise<ContainerStatus | undefined> {
  const res = await inv.api.request<Pod>({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: inv.namespace, name: stream.pod });
  if (!res.ok) return undefined;
  const status = res.body.status;
  return [...(status?.initContainerStatuses ?? []), ...(status?.containerStatuses ?? []), ...(status?.ephemeralContainerStatuses ?? [])].find((s) => s.name === stream.container);
}

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function lineCount(text: string): number {
  return splitLines(text).length;
}

function prefixed(text: string, prefix: string): string {
  return prefix ? text.replace(/^(?=.)/gm, prefix) : text;
}
