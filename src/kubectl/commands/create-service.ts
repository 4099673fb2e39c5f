/** `kubectl create service clusterip|nodeport|loadbalancer|externalname` (pkg/cmd/create/create_service.go). */
import type { KubeObject } from '../../engine/api/client.ts';
import { KubectlError } from '../errors.ts';
import { intFlag, stringFlag, stringsFlag } from '../flags.ts';
import type { FlagSpec } from '../flags.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { OUTPUT_FLAGS, requireName, submit } from './generator-commands.ts';
import { parsePort, parseTargetPort } from './service-ports.ts';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

const isDNS1123Subdomain = (value: string) => value.length > 0 && value.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(value);

interface ServiceOptions {
  name: string;
  type: ServiceType;
  tcp: string[];
  clusterIP?: string;
  nodePort?: number;
  externalName?: string;
}

/** Models ServiceOptions.Validate. */
function validateService(o: ServiceOptions): void {
  if (o.clusterIP === 'None' && o.type !== 'ClusterIP') throw new KubectlError('error: ClusterIP=None can only be used with ClusterIP service type');
  if (o.clusterIP !== 'None' && o.tcp.length === 0 && o.type !== 'ExternalName') throw new KubectlError('error: at least one tcp port specifier must be provided');
  if (o.type === 'ExternalName' && !isDNS1123Subdomain(o.externalName ?? '')) throw new KubectlError(`error: invalid service external name ${o.externalName ?? ''}`);
}

/** Models ServiceOptions.createService: each port named after its spec (`80:8080` is `80-8080`), selected by `app=NAME`. */
export function serviceFromOptions(o: ServiceOptions): KubeObject {
  const ports = o.tcp.map((spec) => {
    const [portText, targetText] = spec.split(':');
    const port = parsePort(portText!);
    const targetPort = targetText === undefined ? port : parseTargetPort(targetText);
    return { name: spec.replaceAll(':', '-'), ...(o.nodePort ? { nodePort: o.nodePort } : {}), port, protocol: 'TCP', targetPort };
  });
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { labels: { app: o.name }, name: o.name },
    spec: {
      ...(o.clusterIP ? { clusterIP: o.clusterIP } : {}),
      ...(o.externalName ? { externalName: o.externalName } : {}),
      ...(ports.length ? { ports } : {}),
      selector: { app: o.name },
      type: o.type,
    },
    status: { loadBalancer: {} },
  };
}

function serviceCommand(kind: string, type: ServiceType, extra: FlagSpec[]): KubectlCommand {
  const path = `create service ${kind}`;
  return {
    path,
    flags: [...OUTPUT_FLAGS, { name: 'tcp', kind: 'strings' }, ...extra],
    async run(inv) {
      const name = requireName(inv, path);
      const nodePort = intFlag(inv.flags, 'node-port');
      const options: ServiceOptions = {
        name,
        type,
        tcp: stringsFlag(inv.flags, 'tcp'),
        ...(stringFlag(inv.flags, 'clusterip') ? { clusterIP: stringFlag(inv.flags, 'clusterip')! } : {}),
        ...(nodePort ? { nodePort } : {}),
        ...(stringFlag(inv.flags, 'external-name') ? { externalName: stringFlag(inv.flags, 'external-name')! } : {}),
      };
      validateService(options);
      return submit(inv, inv.mapper.resolve('services')!, serviceFromOptions(options), (m) => `error: failed to create ${type} service: ${m}`);
    },
  };
}

export const createServiceCommands: KubectlCommand[] = [
  serviceCommand('clusterip', 'ClusterIP', [{ name: 'clusterip', kind: 'string' }]),
  serviceCommand('nodeport', 'NodePort', [{ name: 'node-port', kind: 'int' }]),
  serviceCommand('loadbalancer', 'LoadBalancer', []),
  serviceCommand('externalname', 'ExternalName', [{ name: 'external-name', kind: 'string', required: true }]),
];
