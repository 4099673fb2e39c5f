import type { ApiDeprecation, ResourceDefinition } from './resource-definition.ts';

/**
 * The warning a v1.35 API server attaches to every request on a deprecated kind, e.g.
 * `v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice`.
 * Models staging/src/k8s.io/apiserver/pkg/endpoints/deprecation/deprecation.go WarningMessage,
 * which the installer applies to all verbs of the resource (lists included: the message names
 * the resource's kind, not its List kind) but not to its subresources.
 */
export function deprecationWarning(def: ResourceDefinition): string | undefined {
  const deprecation: ApiDeprecation | undefined = def.deprecation;
  if (!deprecation) return undefined;
  const groupVersion = def.info.group ? `${def.info.group}/${def.info.version}` : def.info.version;
  const [major, minor] = deprecation.since;
  const replacement = deprecation.replacement ? `; use ${deprecation.replacement.apiVersion} ${deprecation.replacement.kind}` : '';
  return `${groupVersion} ${def.info.kind} is deprecated in v${major}.${minor}+${replacement}`;
}
