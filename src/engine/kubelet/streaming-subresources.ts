/**
 * The kubelet's side of the streaming subresources, reached through `ApiClient.request`:
 * pods/exec runs a process beside the container's main one, pods/attach joins the main one, and
 * pods/portforward carries one connection to a port inside the pod's network namespace.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiRequest, ApiResponse, ExecResult, ExecStreams, ForwardedConnection, ForwardedHttpResponse, Status } from '../api/client.ts';
import { badRequest, failure, internalError, notFound } from '../api/status.ts';
import type { ControllerContext } from '../controllers/controller-context.ts';
import type { ImageSpec } from '../images/image.ts';
import { lookupImage } from '../images/image-catalogue.ts';
import type { ClusterNetwork } from '../network/cluster-network.ts';
import { KillSignal } from './container-process.ts';
import type { PodWorker } from './pod-worker.ts';

export type WorkerLookup = (namespace: string, name: string) => { pod: Pod | undefined; worker: PodWorker | undefined };

const NO_OUTPUT: ExecStreams = { onStdout: () => undefined, onStderr: () => undefined };

export function serveStreamingSubresource(ctx: ControllerContext, network: ClusterNetwork, workerFor: WorkerLookup, req: ApiRequest): Promise<ApiResponse<unknown>> {
  if (req.verb !== 'create' && req.verb !== 'get') return Promise.resolve(failure(badRequest(`${req.verb} is not supported on pods/${req.subresource}`)));
  switch (req.subresource) {
    case 'exec':
    case 'attach':
      return execOrAttach(ctx, workerFor, req);
    case 'portforward':
      return portForward(ctx, network, workerFor, req);
    default:
      return Promise.resolve(failure(notFound('', 'pods', req.name ?? '')));
  }
}

/** Models pkg/registry/core/pod/strategy.go ExecLocation/AttachLocation, then the kubelet's container lookup. */
async function execOrAttach(ctx: ControllerContext, workerFor: WorkerLookup, req: ApiRequest): Promise<ApiResponse<ExecResult>> {
  const podName = req.name ?? '';
  const { pod, worker } = workerFor(req.namespace ?? 'default', podName);
  if (!pod) return failure(notFound('', 'pods', podName));
  const query = req.query ?? {};
  const streams = req.streams && 'onStdout' in req.streams ? req.streams : NO_OUTPUT;
  const name = query.container ?? pod.spec?.containers?.[0]?.name ?? '';
  if (!pod.spec?.containers?.some((c) => c.name === name) && !pod.spec?.initContainers?.some((c) => c.name === name)) {
    return failure(badRequest(`container ${name} is not valid for pod ${podName}`));
  }
  if (!pod.spec?.nodeName) return failure(badRequest(`pod ${podName} does not have a host assigned`));
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    return failure(badRequest(`cannot ${req.subresource} into a container in a completed pod; current phase is ${phase}`));
  }
  const record = worker?.containerRecord(name);
  // A booted container (kube-system's) runs no process here; its image still decides what exec finds.
  const adopted = !worker && req.subresource === 'exec' ? adoptedImage(pod, name) : undefined;
  const missing = adopted && missingExecutable(ctx, adopted, req.query?.command ?? []);
  if (missing) return failure(missing);
  if (!record?.running || !record.process || !record.image) {
    return failure(badRequest(`unable to upgrade connection: container not found ("${name}")`));
  }
  const kill = new KillSignal();
  void streams.interrupted?.then(() => kill.fire());
  const tty = query.tty === true;
  if (req.subresource === 'attach') {
    const withStdin = query.stdin === true && (Boolean(streams.readLine) || Boolean(streams.stdin));
    // The kubelet's attach reports no exit code: the session just ends (ServeAttach writes Success).
    await record.process.attach(streams, kill, tty, withStdin);
    return { ok: true, code: 200, body: { exitCode: 0 } };
  }
  const command = query.command ?? [];
  const absent = missingExecutable(ctx, record.image, command);
  if (absent) return failure(absent);
  const exitCode = await record.process.exec(command, streams, kill, tty);
  return { ok: true, code: 200, body: { exitCode } };
}

/**
 * Models the kubelet's port forwarding (containerd's portForward: dial localhost:PORT inside the
 * pod's network namespace). A pod not yet on a node has no namespace to enter.
 */
async function portForward(ctx: ControllerContext, network: ClusterNetwork, workerFor: WorkerLookup, req: ApiRequest): Promise<ApiResponse<ForwardedHttpResponse>> {
  const podName = req.name ?? '';
  const { pod } = workerFor(req.namespace ?? 'default', podName);
  if (!pod) return failure(notFound('', 'pods', podName));
  const port = req.query?.ports?.[0];
  if (port === undefined) return failure(badRequest('at least one port must be specified'));
  const podIP = pod.status?.podIP;
  if (!pod.spec?.nodeName || !podIP) return failure(badRequest(`pod ${podName} does not have a host assigned`));
  const connection = req.streams && 'request' in req.streams ? (req.streams as ForwardedConnection) : undefined;
  const request = connection?.request ?? { method: 'GET', path: '/', headers: {}, body: '' };
  const result = await network.request(
    { namespace: pod.metadata!.namespace!, podIP },
    { method: request.method, url: `http://${podIP}:${port}${request.path}`, headers: request.headers, body: request.body, timeoutMs: 30_000 },
  );
  if (result.error || result.status === undefined) {
    const sandbox = hex(ctx, 64);
    // The kubelet reports this on the connection's error stream: its text, not an API Status.
    return failure(
      streamError(
        `error forwarding port ${port} to pod ${sandbox}, uid : failed to execute portforward in network namespace "/var/run/netns/cni-${uuid(ctx)}": failed to connect to localhost:${port} inside namespace "${sandbox}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused IPv6 dial tcp6 [::1]:${port}: connect: connection refused `,
      ),
    );
  }
  return { ok: true, code: 200, body: { status: result.status, body: result.body ?? '', ...(result.contentType ? { contentType: result.contentType } : {}) } };
}

/** runc's answer when the image has no such program: it looks a bare name up in $PATH, and stats a path. */
function missingExecutable(ctx: ControllerContext, image: ImageSpec, command: readonly string[]): Status | undefined {
  const program = command[0] ?? '';
  const base = program.slice(program.lastIndexOf('/') + 1);
  if (image.binaries.includes(base)) return undefined;
  const execID = hex(ctx, 64);
  const why = program.includes('/') ? `stat ${program}: no such file or directory` : 'executable file not found in $PATH';
  return internalError(
    `error executing command in container: failed to exec in container: failed to start exec "${execID}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": ${why}: unknown`,
  );
}

/** The image of a running container the kubelet adopted rather than started. */
function adoptedImage(pod: Pod, container: string): ImageSpec | undefined {
  if (!pod.status?.containerStatuses?.find((s) => s.name === container)?.state?.running) return undefined;
  const found = lookupImage(pod.spec?.containers?.find((c) => c.name === container)?.image ?? '');
  return found.ok ? found.image : undefined;
}

function hex(ctx: ControllerContext, length: number): string {
  return Array.from({ length }, () => '0123456789abcdef'[ctx.random.int(16)]).join('');
}

function uuid(ctx: ControllerContext): string {
  const h = hex(ctx, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function streamError(message: string): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'InternalError', code: 500 };
}
