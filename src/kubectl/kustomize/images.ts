/**
 * `images`: a container image whose name matches gets a new name, tag or digest. Every
 * `containers` and `initContainers` list is visited, wherever it sits (kustomize's legacy image filter).
 * Models kustomize api/filters/imagetag and api/image.
 */
import type { KubeObject } from '../../engine/api/client.ts';
import type { Kustomization } from './kustomization-file.ts';

type ImageRule = NonNullable<Kustomization['images']>[number];

/** An image reference split as kustomize's image.Split does: name, `:tag` and `@digest`. */
function splitImage(image: string): { name: string; tag: string; digest: string } {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : '';
  const rest = at >= 0 ? image.slice(0, at) : image;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, tag: '', digest };
}

function newImage(image: string, rule: ImageRule): string {
  const parts = splitImage(image);
  const name = rule.newName || parts.name;
  let tag = parts.tag ? `:${parts.tag}` : '';
  let digest = parts.digest ? `@${parts.digest}` : '';
  if (rule.newTag) {
    tag = `:${rule.newTag}`;
    digest = '';
  }
  if (rule.digest) {
    digest = `@${rule.digest}`;
    if (!rule.newTag) tag = '';
  }
  return `${name}${tag}${digest}`;
}

function visitContainers(node: unknown, rules: ImageRule[]): void {
  if (Array.isArray(node)) {
    for (const item of node) visitContainers(item, rules);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
      for (const container of value as { image?: unknown }[]) {
        if (typeof container?.image !== 'string') continue;
        const rule = rules.find((r) => r.name === splitImage(container.image as string).name);
        if (rule) container.image = newImage(container.image, rule);
      }
    } else visitContainers(value, rules);
  }
}

export function transformImages(objects: KubeObject[], k: Kustomization): void {
  const rules = (k.images ?? []).filter((r) => r.name);
  if (rules.length === 0) return;
  for (const obj of objects) visitContainers(obj, rules);
}
