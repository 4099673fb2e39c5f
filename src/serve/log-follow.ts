/**
 * `GET pods/<name>/log?follow=true`: what the container has written, then what it writes, until the
 * followed container instance ends (the kubelet closes the stream then) or the client goes. The
 * engine answers pods/log as a snapshot, so following re-reads it and sends the lines not yet sent;
 * the instance is told apart by its containerID.
 */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { ApiClient, ApiRequest, Status } from '../engine/api/client.ts';

export interface LogFollowPort {
  write(text: string): void;
  /** Resolves after the poll interval; rejects or resolves early once the client has gone. */
  wait(): Promise<void>;
  readonly closed: boolean;
}

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Reads the first answer; a Status means nothing was streamed and the caller answers with it. */
export async function followLog(api: ApiClient, request: ApiRequest, port: LogFollowPort): Promise<Status | undefined> {
  const first = await api.request<string>(request);
  if (!first.ok) return first.body;
  port.write(first.body);
  const query = request.query ?? {};
  if (query.previous) return undefined;
  const pod = await api.request<Pod>({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: request.namespace ?? 'default', name: request.name ?? '' });
  if (!pod.ok) return undefined;
  const container = query.container ?? pod.body.spec?.containers?.[0]?.name ?? '';
  const statusOf = (p: Pod): ContainerStatus | undefined => [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])].find((s) => s.name === container);
  const followed = statusOf(pod.body);
  if (!followed?.state?.running || !followed.containerID) return undefined;
  const containerID = followed.containerID;
  // Only timestamps shape the lines read while following; tail and since applied to the first read.
  const fullRequest: ApiRequest = { ...request, query: { container, ...(query.timestamps ? { timestamps: true } : {}) } };
  const full = await api.request<string>(fullRequest);
  let seen = full.ok ? splitLines(full.body).length : 0;
  while (!port.closed) {
    await port.wait();
    if (port.closed) return undefined;
    const now = await api.request<Pod>({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: request.namespace ?? 'default', name: request.name ?? '' });
    const status = now.ok ? statusOf(now.body) : undefined;
    const stillRunning = status?.state?.running && status.containerID === containerID;
    const restarted = status?.lastState?.terminated?.containerID === containerID;
    // Once a new instance runs, the one followed is the previous one.
    const readPrevious = !stillRunning && restarted && Boolean(status?.state?.running);
    const res = await api.request<string>({ ...fullRequest, query: { ...fullRequest.query, ...(readPrevious ? { previous: true } : {}) } });
    if (res.ok) {
      const lines = splitLines(res.body);
      port.write(lines.slice(seen).join(''));
      seen = lines.length;
    }
    if (!stillRunning) return undefined;
  }
  return undefined;
}
