/** The objects of one resource file, as kustomize's resource factory reads a YAML stream. */
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../engine/api/client.ts';
import { KustomizeError } from './kustomize-error.ts';
import { nameOf, type Resource } from './resource.ts';

export function resourcesOfText(text: string, path: string): Resource[] {
  const out: Resource[] = [];
  for (const doc of parseAllDocuments(text, { logLevel: 'error' })) {
    if (doc.errors.length > 0) throw new KustomizeError(`failed to decode ${path}: ${doc.errors[0]!.message.split('\n')[0]}`);
    const value = doc.toJSON() as unknown;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) throw new KustomizeError(`missing Resource metadata`);
    const obj = value as KubeObject;
    const items = obj.kind === 'List' && Array.isArray(obj.items) ? (obj.items as KubeObject[]) : [obj];
    for (const item of items) {
      if (!item.kind) throw new KustomizeError(`missing kind in object ${JSON.stringify(item)}`);
      out.push({ obj: item, originalName: nameOf(item) });
    }
  }
  return out;
}
