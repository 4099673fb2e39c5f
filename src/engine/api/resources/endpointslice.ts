/** EndpointSlices (discovery.k8s.io/v1): validation of the basics, printEndpointSlice. */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, goValue, notSupported, required } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateObjectMeta } from './object-meta-validation.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

function validateEndpointSlice(obj: KubeObject): FieldError[] {
  const slice = obj as unknown as EndpointSlice;
  const errs = validateObjectMeta(slice.metadata, isDNS1123Subdomain);
  if (!slice.addressType) errs.push(required('addressType'));
  else if (!ADDRESS_TYPES.includes(slice.addressType)) errs.push(notSupported('addressType', goValue(slice.addressType), ADDRESS_TYPES));
  (slice.endpoints ?? []).forEach((endpoint, i) => {
    if ((endpoint.addresses ?? []).length === 0) errs.push(required(`endpoints[${i}].addresses`, 'must contain at least 1 address'));
  });
  return errs;
}

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const text = list.join(',');
  if (more) return `${text} + ${count - max} more...`;
  return text === '' ? '<unset>' : text;
}

export function formatDiscoveryPorts(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const port of slice.ports ?? []) {
    if (list.length < 3) list.push(port.port !== undefined ? String(port.port) : (port.name ?? '*'));
    else more = true;
    count++;
  }
  return listWithMore(list, more, count, 3);
}

export function formatDiscoveryEndpoints(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const endpoint of slice.endpoints ?? []) {
    for (const address of endpoint.addresses ?? []) {
      if (list.length < 3) list.push(address);
      else more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, 3);
}

export const endpointSliceDefinition: ResourceDefinition = {
  info: {
    group: 'discovery.k8s.io',
    version: 'v1',
    name: 'endpointslices',
    singularName: 'endpointslice',
    kind: 'EndpointSlice',
    namespaced: true,
    shortNames: [],
    verbs: [...STANDARD_VERBS],
    categories: [],
    subresources: [],
  },
  applyDefaults: (obj) => {
    for (const port of (obj as unknown as EndpointSlice).ports ?? []) {
      const p = port as { name?: string; protocol?: string };
      p.name ??= '';
      p.protocol ??= 'TCP';
    }
  },
  validateCreate: validateEndpointSlice,
  validateUpdate: validateEndpointSlice,
  tableColumns: [
    nameColumn(),
    column('AddressType', 'The IP protocol for this slice'),
    column('Ports', 'The ports for this slice'),
    column('Endpoints', 'The endpoints for this slice'),
    ageColumn(),
  ],
  tableRow: (obj, ctx) => {
    const slice = obj as unknown as EndpointSlice;
    return [
      slice.metadata?.name ?? '',
      slice.addressType,
      formatDiscoveryPorts(slice),
      formatDiscoveryEndpoints(slice),
      translateTimestampSince(slice.metadata?.creationTimestamp, ctx.nowMs),
    ];
  },
};
