/** Endpoints (core/v1): validation of addresses and ports, printEndpoints. */
import type { Endpoints } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, goValue, invalid, required } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { isDNS1123Subdomain, isValidPortNum } from './name-validation.ts';
import { validateObjectMeta } from './object-meta-validation.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';

function validateEndpoints(obj: KubeObject): FieldError[] {
  const endpoints = obj as Endpoints;
  const errs = validateObjectMeta(endpoints.metadata, isDNS1123Subdomain);
  (endpoints.subsets ?? []).forEach((subset, i) => {
    const path = `subsets[${i}]`;
    // Models pkg/apis/core/validation validateEndpointSubsets.
    if ((subset.addresses ?? []).length === 0 && (subset.notReadyAddresses ?? []).length === 0) {
      errs.push(required(path, 'must specify `addresses` or `notReadyAddresses`'));
    }
    for (const [field, addresses] of [
      ['addresses', subset.addresses],
      ['notReadyAddresses', subset.notReadyAddresses],
    ] as const) {
      (addresses ?? []).forEach((address, j) => {
        if (!address.ip) errs.push(required(`${path}.${field}[${j}].ip`));
      });
    }
    (subset.ports ?? []).forEach((port, j) => {
      for (const msg of isValidPortNum(port.port ?? 0)) errs.push(invalid(`${path}.ports[${j}].port`, goValue(port.port ?? 0), msg));
    });
  });
  return errs;
}

/** formatEndpoints: the first three `ip:port` pairs, then ` + N more...`. */
export function formatEndpoints(endpoints: Endpoints): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const subset of subsets) {
    const addresses = subset.addresses ?? [];
    const ports = subset.ports ?? [];
    if (ports.length === 0) {
      count += addresses.length;
      for (const address of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(address.ip);
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const address of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(address.ip.includes(':') ? `[${address.ip}]:${port.port}` : `${address.ip}:${port.port}`);
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

export const endpointsDefinition: ResourceDefinition = {
  info: {
    group: '',
    version: 'v1',
    name: 'endpoints',
    singularName: 'endpoints',
    kind: 'Endpoints',
    namespaced: true,
    shortNames: ['ep'],
    verbs: [...STANDARD_VERBS],
    categories: [],
    subresources: [],
  },
  applyDefaults: (obj) => {
    for (const subset of (obj as Endpoints).subsets ?? []) {
      for (const port of subset.ports ?? []) (port as { protocol?: string }).protocol ??= 'TCP';
    }
  },
  validateCreate: validateEndpoints,
  validateUpdate: validateEndpoints,
  // Models k8s.io/api core/v1 lifecycle.go: Endpoints APILifecycleDeprecated 1.33, replaced by EndpointSlice.
  deprecation: { since: [1, 33], replacement: { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' } },
  tableColumns: [nameColumn(), column('Endpoints', 'Endpoints of the service'), ageColumn()],
  tableRow: (obj, ctx) => [obj.metadata?.name ?? '', formatEndpoints(obj as Endpoints), translateTimestampSince(obj.metadata?.creationTimestamp, ctx.nowMs)],
};
