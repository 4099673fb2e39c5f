/**
 * Accept and Content-Type as the apiserver reads them. Models
 * staging/src/k8s.io/apiserver/pkg/endpoints/handlers/negotiation/negotiate.go: the first media
 * range of the client's list that the server can produce wins, with its `as`/`g`/`v` parameters
 * naming a transformed rendering (a Table, the aggregated discovery document).
 */

export interface MediaRange {
  type: string;
  params: Record<string, string>;
}

export function parseMediaRanges(header: string | undefined): MediaRange[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim());
      const parsed: Record<string, string> = {};
      for (const param of params) {
        const eq = param.indexOf('=');
        if (eq > 0)
          parsed[param.slice(0, eq).trim().toLowerCase()] = param
            .slice(eq + 1)
            .trim()
            .replace(/^"|"$/g, '');
      }
      return { type: type.toLowerCase(), params: parsed };
    })
    .filter((r) => r.type !== '');
}

const isJson = (r: MediaRange) => r.type === 'application/json' || r.type === '*/*' || r.type === 'application/*';

/** Plain JSON is acceptable: no Accept header, or a JSON range without a transformation. */
function acceptsPlainJson(ranges: MediaRange[]): boolean {
  return ranges.length === 0 || ranges.some((r) => isJson(r) && r.params.as === undefined);
}

export type DiscoveryRendering = 'aggregated-v2' | 'aggregated-v2beta1' | 'legacy' | 'not-acceptable';

/** Models client-go discovery_client.go: kubectl asks for v2, then v2beta1, then the legacy lists. */
export function discoveryRendering(accept: string | undefined): DiscoveryRendering {
  const ranges = parseMediaRanges(accept);
  for (const r of ranges) {
    if (r.type !== 'application/json') continue;
    if (r.params.g === 'apidiscovery.k8s.io' && r.params.as === 'APIGroupDiscoveryList') {
      if (r.params.v === 'v2') return 'aggregated-v2';
      if (r.params.v === 'v2beta1') return 'aggregated-v2beta1';
    }
  }
  return acceptsPlainJson(ranges) ? 'legacy' : 'not-acceptable';
}

/** The Content-Type the real server answers aggregated discovery with. */
export function aggregatedDiscoveryContentType(rendering: 'aggregated-v2' | 'aggregated-v2beta1'): string {
  return `application/json;g=apidiscovery.k8s.io;v=${rendering === 'aggregated-v2' ? 'v2' : 'v2beta1'};as=APIGroupDiscoveryList`;
}

export type ObjectRendering = 'object' | 'table' | 'not-acceptable';

/** `kubectl get` asks for `application/json;as=Table;v=v1;g=meta.k8s.io` first, plain JSON last. */
export function objectRendering(accept: string | undefined): ObjectRendering {
  const ranges = parseMediaRanges(accept);
  for (const r of ranges) {
    if (r.type === 'application/json' && r.params.as === 'Table' && r.params.g === 'meta.k8s.io' && (r.params.v === 'v1' || r.params.v === 'v1beta1')) return 'table';
    if (isJson(r) && r.params.as === undefined) return 'object';
  }
  return ranges.length === 0 ? 'object' : 'not-acceptable';
}

export type BodyType = 'json' | 'yaml' | 'protobuf' | 'json-patch' | 'merge-patch' | 'strategic-merge-patch' | 'apply-patch' | 'unsupported';

export function bodyTypeOf(contentType: string | undefined): BodyType {
  const type = (contentType ?? 'application/json').split(';')[0]!.trim().toLowerCase();
  switch (type) {
    case 'application/json':
    case '':
      return 'json';
    case 'application/yaml':
      return 'yaml';
    case 'application/vnd.kubernetes.protobuf':
      return 'protobuf';
    case 'application/json-patch+json':
      return 'json-patch';
    case 'application/merge-patch+json':
      return 'merge-patch';
    case 'application/strategic-merge-patch+json':
      return 'strategic-merge-patch';
    case 'application/apply-patch+yaml':
      return 'apply-patch';
    default:
      return 'unsupported';
  }
}
