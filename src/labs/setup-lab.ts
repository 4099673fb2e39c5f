/**
 * Puts a lab's starting state in place: creates its manifests through the API and writes its files
 * with their modes. Time is not advanced here; the caller lets the cluster settle.
 */
import { parseAllDocuments } from 'yaml';
import type { ApiClient, KubeObject } from '../engine/api/client.ts';
import type { FileSystem } from '../lib/file-system.ts';
import type { LoadedLab, ManifestText } from './schema.ts';

export async function setupLab(lab: LoadedLab, deps: { api: ApiClient; fs: FileSystem }): Promise<string[]> {
  const errors = await createManifests(lab.manifestTexts, deps.api);
  for (const file of lab.fileContents) {
    const dir = file.path.slice(0, file.path.lastIndexOf('/')) || '/';
    deps.fs.mkdir(dir, { recursive: true });
    deps.fs.writeFile(file.path, file.content, { mode: file.mode });
  }
  return errors;
}

/** Creates every document of the manifests in order; returns `<file>: <why>` for each that failed. */
export async function createManifests(manifests: ManifestText[], api: ApiClient): Promise<string[]> {
  const errors: string[] = [];
  const resources = await api.discover();
  for (const { name, text } of manifests) {
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length > 0) {
        errors.push(`${name}: ${doc.errors[0]!.message}`);
        continue;
      }
      const obj = doc.toJSON() as KubeObject | null;
      if (!obj) continue;
      const apiVersion = obj.apiVersion ?? '';
      const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
      const resource = resources.find((r) => r.group === group && r.version === version && r.kind === obj.kind);
      if (!resource) {
        errors.push(`${name}: no resource serves ${apiVersion} ${obj.kind}`);
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
      if (!created.ok) errors.push(`${name}: ${created.body.message}`);
    }
  }
  return errors;
}
