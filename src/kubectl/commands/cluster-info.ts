/**
 * `kubectl cluster-info`: the control plane's address and the kube-system services labelled
 * `kubernetes.io/cluster-service=true`, each as its API server proxy URL.
 * Models kubectl pkg/cmd/clusterinfo/clusterinfo.go.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../engine/api/client.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { clusterInfoDump } from './cluster-info-dump.ts';

const HINT = "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";

export const clusterInfoCommand: KubectlCommand = {
  path: 'cluster-info',
  discovery: false,
  flags: [],
  async run(inv) {
    let services: Service[];
    try {
      const res = await inv.api.request<KubeObject & { items: Service[] }>({
        verb: 'list',
        group: '',
        version: 'v1',
        resource: 'services',
        namespace: 'kube-system',
        query: { labelSelector: 'kubernetes.io/cluster-service=true' },
      });
      if (!res.ok) throw new KubectlError(formatStatus(res.body));
      services = res.body.items;
    } catch (error) {
      inv.out(HINT);
      throw error;
    }
    const host = inv.server ?? '';
    let text = printService('Kubernetes control plane', host);
    for (const service of services) text += printService(service.metadata?.labels?.['kubernetes.io/name'] ?? service.metadata?.name ?? '', serviceLink(service, host));
    inv.out(text + HINT);
    return 0;
  },
};

export const clusterInfoDumpCommand: KubectlCommand = clusterInfoDump;

function printService(name: string, link: string): string {
  return `${name} is running at ${link}\n`;
}

function serviceLink(service: Service, host: string): string {
  const ingress = service.status?.loadBalancer?.ingress ?? [];
  const port = service.spec?.ports?.[0];
  if (ingress.length > 0) {
    const ip = ingress[0]!.ip || ingress[0]!.hostname || '';
    return `http://${ip}${port ? `:${port.port}` : ''}`;
  }
  let name = service.metadata?.name ?? '';
  if (port) {
    // <scheme>:<service>:<port name>, the scheme guessed from the port (utilnet.JoinSchemeNamePort).
    const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
    name = scheme ? `${scheme}:${name}:${port.name ?? ''}` : port.name ? `${name}:${port.name}` : name;
  }
  return `${host}/api/v1/namespaces/${service.metadata?.namespace ?? 'kube-system'}/services/${name}/proxy`;
}
