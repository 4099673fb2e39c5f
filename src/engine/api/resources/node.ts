/** Nodes (core/v1): validation of the name and taints, printNode with ROLES and the wide columns. */
import type { Node } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, goValue, notSupported, required } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateObjectMeta } from './object-meta-validation.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function validateNode(obj: KubeObject): FieldError[] {
  const node = obj as Node;
  const errs = validateObjectMeta(node.metadata, isDNS1123Subdomain);
  (node.spec?.taints ?? []).forEach((taint, i) => {
    if (!taint.key) errs.push(required(`spec.taints[${i}].key`));
    if (!TAINT_EFFECTS.includes(taint.effect)) errs.push(notSupported(`spec.taints[${i}].effect`, goValue(taint.effect), TAINT_EFFECTS));
  });
  return errs;
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` label suffixes and `kubernetes.io/role`, sorted. */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) {
      const role = key.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (key === 'kubernetes.io/role' && value) {
      roles.add(value);
    }
  }
  return roles.size === 0 ? '<none>' : [...roles].sort().join(',');
}

export function nodeStatus(node: Node): string {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function address(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}

export const nodeDefinition: ResourceDefinition = {
  info: {
    group: '',
    version: 'v1',
    name: 'nodes',
    singularName: 'node',
    kind: 'Node',
    namespaced: false,
    shortNames: ['no'],
    verbs: [...STANDARD_VERBS],
    categories: [],
    subresources: ['status', 'proxy'],
  },
  // SetDefaults_NodeStatus: allocatable defaults to capacity.
  applyDefaults: (obj) => {
    const status = obj.status as { capacity?: Record<string, string>; allocatable?: Record<string, string> } | undefined;
    if (status?.capacity && !status.allocatable) status.allocatable = { ...status.capacity };
  },
  validateCreate: validateNode,
  validateUpdate: validateNode,
  tableColumns: [
    nameColumn(),
    column('Status', 'The status of the node'),
    column('Roles', 'The roles of the node'),
    ageColumn(),
    column('Version', 'Kubelet Version reported by the node.'),
    column('Internal-IP', 'List of addresses reachable to the node. Queried from cloud provider, if available.', { priority: 1 }),
    column('External-IP', 'List of addresses reachable to the node. Queried from cloud provider, if available.', { priority: 1 }),
    column('OS-Image', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', { priority: 1 }),
    column('Kernel-Version', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", { priority: 1 }),
    column('Container-Runtime', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).', { priority: 1 }),
  ],
  tableRow: (obj, ctx) => {
    const node = obj as Node;
    const info = node.status?.nodeInfo;
    return [
      node.metadata?.name ?? '',
      nodeStatus(node),
      nodeRoles(node),
      translateTimestampSince(node.metadata?.creationTimestamp, ctx.nowMs),
      info?.kubeletVersion ?? '',
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
  fieldsForSelector: (obj) => ({ 'spec.unschedulable': String((obj as Node).spec?.unschedulable ?? false) }),
};
