/**
 * `kubectl run --overrides=JSON [--override-type=merge|strategic|json]`: the generated Pod is
 * encoded to JSON, the override applied to it, and the result decoded back into a Pod.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/util/override_options.go NewOverrider/Apply
 * (evanphx MergePatch, strategicpatch.StrategicMergePatch, jsonpatch.DecodePatch + Apply).
 */
import type { KubeObject } from '../../engine/api/client.ts';
import { applyJsonPatch } from '../../lib/json-patch/json-patch.ts';
import { jsonMergePatch } from '../../lib/json-patch/json-merge-patch.ts';
import { patchSchemaFor } from '../../lib/strategic-merge/patch-schema.ts';
import { PatchError, strategicMergePatch } from '../../lib/strategic-merge/strategic-merge-patch.ts';
import { KubectlError } from '../errors.ts';
import { scanJsonStream } from '../json-syntax-error.ts';

export const OVERRIDE_TYPES = ['json', 'merge', 'strategic'];

/** The JSON value of `text`, or undefined when it is not one JSON document. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** encoding/json Unmarshal's wording of a syntax error: the Decoder's, less its offset. */
function unmarshalError(text: string): string {
  const scanned = scanJsonStream(text);
  if ('error' in scanned) return scanned.error === 'unexpected EOF' ? 'unexpected end of JSON input' : scanned.error.replace(/^json: offset \d+: /, '');
  return 'invalid character after top-level value';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object after the override of `overrideType`, before it is decoded (expose and run share this). */
export function patched(pod: KubeObject, text: string, overrideType: string): unknown {
  const override = parseJson(text);
  if (overrideType === 'merge') {
    // MergePatch accepts an object (merged) or an array (replacing the document); nothing else.
    if (!isObject(override) && !Array.isArray(override)) throw new KubectlError('error: Invalid JSON Patch');
    return jsonMergePatch(pod, override);
  }
  if (overrideType === 'strategic') {
    if (!isObject(override)) throw new KubectlError('error: invalid JSON document');
    try {
      return strategicMergePatch(pod, override, patchSchemaFor(pod.apiVersion ?? 'v1', pod.kind ?? 'Pod'));
    } catch (error) {
      if (error instanceof PatchError) throw new KubectlError(`error: ${error.message}`);
      throw error;
    }
  }
  if (override === undefined) throw new KubectlError(`error: ${unmarshalError(text)}`);
  if (Array.isArray(override)) {
    const unknown = override.find((op) => !isObject(op) || !['add', 'remove', 'replace', 'move', 'copy', 'test'].includes(String(op['op'])));
    if (unknown !== undefined) throw new KubectlError(`error: Unexpected kind: ${isObject(unknown) && typeof unknown['op'] === 'string' ? unknown['op'] : 'unknown'}`);
  }
  const result = applyJsonPatch(pod, override);
  if (!result.ok) {
    // kubectl's client-side json-patch names the failing remove's path, which the server's does not.
    const failed = Array.isArray(override) ? override.find((op: Record<string, unknown>) => op['op'] === 'remove' && result.message.startsWith('Unable to remove')) : undefined;
    throw new KubectlError(`error: ${failed ? `error in remove for path: '${String(failed['path'])}': ` : ''}${result.message}`);
  }
  return result.value;
}

/**
 * The Pod after the override, as decoding it into a v1.Pod leaves it: a container's `resources`
 * struct is always there. An empty override changes nothing, whatever the type.
 */
export function applyRunOverrides(pod: KubeObject, text: string | undefined, overrideType: string): KubeObject {
  if (!text) return pod;
  if (!OVERRIDE_TYPES.includes(overrideType)) throw new KubectlError(`error: invalid override type: ${overrideType}`);
  const result = patched(pod, text, overrideType);
  if (!isObject(result)) {
    const type = Array.isArray(result) ? 'array' : result === null ? 'null' : typeof result === 'number' ? 'number' : typeof result;
    throw new KubectlError(
      `error: couldn't get version/kind; json parse error: json: cannot unmarshal ${type} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
    );
  }
  const apiVersion = result['apiVersion'];
  const kind = result['kind'];
  if (typeof apiVersion !== 'string' || apiVersion === '') throw new KubectlError(`error: Object 'apiVersion' is missing in '${JSON.stringify(result)}'`);
  if (typeof kind !== 'string' || kind === '') throw new KubectlError(`error: Object 'Kind' is missing in '${JSON.stringify(result)}'`);
  if (apiVersion !== 'v1' || kind !== 'Pod') throw new KubectlError(`error: no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/scheme/scheme.go:28"`);
  const spec = result['spec'];
  if (isObject(spec)) {
    for (const field of ['initContainers', 'containers']) {
      const list = spec[field];
      if (Array.isArray(list)) spec[field] = list.map((c: unknown) => (isObject(c) && !('resources' in c) ? { ...c, resources: {} } : c));
    }
  }
  return result as KubeObject;
}
