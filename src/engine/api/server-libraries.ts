/**
 * The pure libraries the API server uses for decoding, selectors and patches, passed in by the
 * composition root so the server core stays small and each library is tested on its own.
 */
import type { KubeObject, PatchType, Status } from './client.ts';
import type { ResourceDefinition } from './resource-definition.ts';

export interface ServerLibraries {
  /** Type checks and strict field validation before anything else (Go's json decoding). */
  decode(raw: KubeObject, def: ResourceDefinition, options?: { trustFrozen?: boolean }): { ok: true; obj: KubeObject; unknownFields: string[] } | { ok: false; message: string };
  labelMatcher(selector: string): { ok: true; matches(labels: Record<string, string>): boolean } | { ok: false; message: string };
  fieldMatcher(selector: string, def: ResourceDefinition): { ok: true; matches(obj: KubeObject): boolean } | { ok: false; message: string };
  applyPatch(current: KubeObject, patch: unknown, type: PatchType, def: ResourceDefinition | undefined): { ok: true; value: unknown } | { ok: false; status: Status };
}
