/**
 * Creates the objects of a multi-document manifest through the API, as a lab's setup does before
 * the learner arrives. Errors come back as text so a broken lab says what is wrong with it.
 */
import { parseAllDocuments } from 'yaml';
import type { ApiClient, KubeObject } from '../engine/api/client.ts';

export async function applyManifests(api: ApiClient, source: string, fileName: string): Promise<string[]> {
  const errors: string[] = [];
  const resources = await api.discover();
  for (const doc of parseAllDocuments(source)) {
    if (doc.errors.length > 0) {
      errors.push(`${fileName}: ${doc.errors[0]!.message}`);
      continue;
    }
    const obj = doc.toJSON() as KubeObject | null;
    if (!obj) continue;
    const [group, version] = (obj.apiVersion ?? '').includes('/') ? (obj.apiVersion ?? '').split('/') : ['', obj.apiVersion ?? ''];
    const resource = resources.find((r) => r.group === group && r.version === version && r.kind === obj.kind);
    if (!resource) {
      errors.push(`${fileName}: no resource serves ${obj.apiVersion} ${obj.kind}`);
      continue;
    }
    const namespace = resource.namespaced ? (obj.metadata?.namespace ?? 'default') : undefined;
    const created = await api.request({
      verb: 'create',
      group: resource.group,
      version: resource.version,
      resource: resource.name,
      ...(namespace ? { namespace } : {}),
      body: obj,
    });
    if (!created.ok) errors.push(`${fileName}: ${created.body.message}`);
  }
  return errors;
}
