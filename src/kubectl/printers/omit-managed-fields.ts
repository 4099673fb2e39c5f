/**
 * kubectl's JSON and YAML printers leave out metadata.managedFields unless --show-managed-fields;
 * jsonpath, templates and custom columns still see them.
 * Models cli-runtime pkg/printers/managedfields.go (OmitManagedFieldsPrinter).
 */
import type { KubeObject } from '../../engine/api/client.ts';

export function omitManagedFields<T>(document: T): T {
  const doc = document as KubeObject & { items?: unknown };
  if (Array.isArray(doc.items)) return { ...doc, items: doc.items.map((item) => omitManagedFields(item)) } as T;
  if (!doc.metadata || !('managedFields' in doc.metadata)) return document;
  const { managedFields: _omitted, ...metadata } = doc.metadata;
  return { ...doc, metadata } as T;
}
