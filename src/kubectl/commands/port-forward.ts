/**
 * `kubectl port-forward (POD | TYPE/NAME) [LOCAL:]REMOTE…`: listens on the local loopback and
 * carries each connection to the pod through pods/portforward, until Ctrl-C.
 * Models pkg/cmd/portforward/portforward.go (v1.35.2) Complete and RunPortForwardContext, and
 * client-go's tools/portforward/portforward.go for the listening, the lines it prints, and a
 * failed connection ending the command.
 */
import type { Container, Pod, Service } from 'kubernetes-types/core/v1';
import type { ForwardedHttpRequest, ForwardedHttpResponse, KubeObject } from '../../engine/api/client.ts';
import { attachablePod } from '../attachable-pod.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import { stringsFlag } from '../flags.ts';
import { klogLine } from '../klog-line.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { requestBase } from '../resource-args.ts';

interface ForwardedPort {
  local: number;
  remote: number;
}

export const portForwardCommand: KubectlCommand = {
  path: 'port-forward',
  flags: [
    { name: 'address', kind: 'strings' },
    { name: 'pod-running-timeout', kind: 'string' },
  ],
  async run(inv) {
    if (inv.args.length < 2) throw new KubectlError("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples");
    const [target, ...portArgs] = inv.args as [string, ...string[]];
    const object = await targetObject(inv, target);
    if (!object) return 1;
    const pod = object.kind === 'Pod' ? (object as Pod) : await attachablePod(inv, target);
    if (!pod) return 1;
    const ports = object.kind === 'Service' ? translateServicePorts(portArgs, object as Service, pod) : convertPodNamedPorts(portArgs, pod);

    // RunPortForwardContext reads the pod again before forwarding.
    const current = await inv.api.request<Pod>({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: inv.namespace, name: pod.metadata!.name! });
    if (!current.ok) {
      inv.err(`${formatStatus(current.body)}\n`);
      return 1;
    }
    const phase = current.body.status?.phase ?? '';
    if (phase !== 'Running') throw new KubectlError(`error: unable to forward port because pod is not running. Current status=${phase}`);
    const forwarded = ports.map(parsePort);
    const addresses = listenAddresses(stringsFlag(inv.flags, 'address'));
    return forward(inv, current.body.metadata!.name!, forwarded, addresses);
  },
};

async function targetObject(inv: Invocation, target: string): Promise<KubeObject | undefined> {
  const slash = target.indexOf('/');
  const resource = slash < 0 ? inv.mapper.resolve('pods')! : inv.mapper.resolve(target.slice(0, slash));
  if (!resource) throw new KubectlError(`error: the server doesn't have a resource type "${target.slice(0, slash)}"`);
  const got = await inv.api.request<KubeObject>({ verb: 'get', ...requestBase(resource, inv.namespace), name: slash < 0 ? target : target.slice(slash + 1) });
  if (got.ok) return got.body;
  inv.err(`${formatStatus(got.body)}\n`);
  return undefined;
}

function splitPort(port: string): [local: string, remote: string] {
  const parts = port.split(':');
  return parts.length === 2 ? [parts[0]!, parts[1]!] : [parts[0]!, parts[0]!];
}

const isNumber = (text: string) => /^[+-]?\d+$/.test(text);

function containerPortByName(pod: Pod, name: string): number {
  for (const container of [...(pod.spec?.containers ?? [])] as Container[]) {
    const port = container.ports?.find((p) => p.name === name);
    if (port) return port.containerPort;
  }
  throw new KubectlError(`error: Pod '${pod.metadata?.name}' does not have a named port '${name}'`);
}

/** Models convertPodNamedPortToNumber. */
function convertPodNamedPorts(ports: string[], pod: Pod): string[] {
  return ports.map((port) => {
    const [local, remote] = splitPort(port);
    if (remote === '') throw new KubectlError('error: remote port cannot be empty');
    const containerPort = isNumber(remote) ? remote : String(containerPortByName(pod, remote));
    return local !== remote ? `${local}:${containerPort}` : containerPort;
  });
}

/** Models translateServicePortToTargetPort and util.LookupContainerPortNumberByServicePort. */
function translateServicePorts(ports: string[], svc: Service, pod: Pod): string[] {
  const svcName = svc.metadata?.name ?? '';
  return ports.map((port) => {
    let [local, remote] = splitPort(port);
    let portNumber: number;
    if (isNumber(remote)) portNumber = Number(remote);
    else {
      const named = svc.spec?.ports?.find((p) => p.name === remote);
      if (!named) throw new KubectlError(`error: Service '${svcName}' does not have a named port '${remote}'`);
      portNumber = named.port;
      if (local === remote) local = String(portNumber);
    }
    const svcPort = svc.spec?.ports?.find((p) => p.port === portNumber);
    if (!svcPort) throw new KubectlError(`error: Service ${svcName} does not have a service port ${portNumber}`);
    let containerPort = portNumber;
    if (svc.spec?.clusterIP !== 'None') {
      const targetPort = svcPort.targetPort;
      if (typeof targetPort === 'string') containerPort = containerPortByName(pod, targetPort);
      else if (targetPort) containerPort = targetPort;
      else containerPort = svcPort.port;
    }
    remote = String(containerPort);
    return local !== remote ? `${local}:${remote}` : remote;
  });
}

/** Models client-go's parsePorts. */
function parsePort(port: string): ForwardedPort {
  const parts = port.split(':');
  if (parts.length > 2) throw new KubectlError(`error: invalid port format '${port}'`);
  const localText = parts.length === 2 ? parts[0] || '0' : parts[0]!;
  const remoteText = parts.length === 2 ? parts[1]! : parts[0]!;
  const parse = (text: string, which: 'local' | 'remote') => {
    if (!/^\d+$/.test(text)) throw new KubectlError(`error: error parsing ${which} port '${text}': strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`);
    const value = Number(text);
    if (value > 65535) throw new KubectlError(`error: error parsing ${which} port '${text}': strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`);
    return value;
  };
  const local = parse(localText, 'local');
  const remote = parse(remoteText, 'remote');
  if (remote === 0) throw new KubectlError('error: remote port must be > 0');
  return { local, remote };
}

/** How each --address is shown in `Forwarding from`: localhost is both loopbacks. */
function listenAddresses(flag: string[]): string[] {
  const given = flag.length ? flag.flatMap((a) => a.split(',')) : ['localhost'];
  return given.flatMap((address) => {
    if (address === 'localhost') return ['127.0.0.1', '[::1]'];
    if (/^\d+\.\d+\.\d+\.\d+$/.test(address)) return [address];
    if (address.includes(':')) return [`[${address}]`];
    throw new KubectlError(`error: ${address} is not a valid IP`);
  });
}

async function forward(inv: Invocation, podName: string, ports: ForwardedPort[], addresses: string[]): Promise<number> {
  const localPorts = inv.localPorts;
  const listeners: { close(): void }[] = [];
  let lost: (() => void) | undefined;
  const connectionLost = new Promise<'lost'>((resolve) => (lost = () => resolve('lost')));
  for (const port of ports) {
    const accept = async (request: ForwardedHttpRequest): Promise<ForwardedHttpResponse | undefined> => {
      inv.out(`Handling connection for ${port.local}\n`);
      const res = await inv.api.request<ForwardedHttpResponse>({
        verb: 'create',
        group: '',
        version: 'v1',
        resource: 'pods',
        namespace: inv.namespace,
        name: podName,
        subresource: 'portforward',
        query: { ports: [port.remote] },
        streams: { request },
      });
      if (res.ok) return res.body;
      // client-go closes the whole stream connection after a failed forward: kubectl then exits.
      const err = `an error occurred forwarding ${port.local} -> ${port.remote}: ${res.body.message}`;
      inv.err(klogLine('E', inv.ctx.time.now(), 'portforward.go:424', `"Unhandled Error" err=${goQuote(err)}`));
      lost?.();
      return undefined;
    };
    const listener = await localPorts?.listen(port.local, accept);
    if (!listener) {
      const errors = addresses.map((a) => `unable to create listener: Error listen ${a.startsWith('[') ? 'tcp6' : 'tcp4'} ${a}:${port.local}: bind: address already in use`);
      inv.err(`Unable to listen on port ${port.local}: Listeners failed to create with the following errors: [${errors.join(' ')}]\n`);
      continue;
    }
    listeners.push(listener);
    // client-go's getListener records the port the system chose for a local 0.
    port.local = listener.port;
    for (const address of addresses) inv.out(`Forwarding from ${address}:${listener.port} -> ${port.remote}\n`);
  }
  if (listeners.length === 0) {
    throw new KubectlError(`error: unable to listen on any of the requested ports: [${ports.map((p) => `{${p.local} ${p.remote}}`).join(' ')}]`);
  }
  const stopped = new Promise<'stopped'>((resolve) => inv.ctx.interrupt.onInterrupt(() => resolve('stopped')));
  const outcome = await Promise.race([stopped, connectionLost]);
  for (const listener of listeners) listener.close();
  if (outcome === 'lost') throw new KubectlError('error: lost connection to pod');
  return 0;
}

/** Go's %q, as klog's structured values quote strings. */
function goQuote(text: string): string {
  return JSON.stringify(text);
}
