/**
 * A parsed YAML document as JSON-ready data, with the host given a turn every NODES_PER_CHECKPOINT
 * nodes: the yaml package's toJSON converts a 700 KB List in one synchronous stretch of
 * hundreds of milliseconds. Plain maps, sequences and scalars are converted here as toJSON does
 * (keys stringified, `__proto__` an own property); a document with aliases or tagged collections
 * is left to toJSON, whose alias bookkeeping and budget this does not repeat.
 */
import { isAlias, isMap, isScalar, isSeq, type Document } from 'yaml';

const NODES_PER_CHECKPOINT = 2_000;

/** Thrown inside the walk when only toJSON can convert the document. */
const NEEDS_TO_JSON = Symbol('needs toJSON');

export async function documentValue(doc: Document.Parsed, checkpoint: () => Promise<void>): Promise<unknown> {
  let nodes = 0;
  const convert = async (node: unknown): Promise<unknown> => {
    if (++nodes % NODES_PER_CHECKPOINT === 0) await checkpoint();
    if (node === null || node === undefined) return null;
    if (isScalar(node)) {
      if (typeof node.value === 'object' && node.value !== null) throw NEEDS_TO_JSON;
      return node.value;
    }
    if (isAlias(node) || ((isMap(node) || isSeq(node)) && node.tag !== undefined)) throw NEEDS_TO_JSON;
    if (isSeq(node)) {
      const out: unknown[] = [];
      for (const item of node.items) out.push(await convert(item));
      return out;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (pair.key !== null && !isScalar(pair.key)) throw NEEDS_TO_JSON;
        const key = pair.key === null || pair.key.value === null ? '' : String(pair.key.value);
        const value = await convert(pair.value);
        if (key in out) Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
        else out[key] = value;
      }
      return out;
    }
    throw NEEDS_TO_JSON;
  };
  try {
    return await convert(doc.contents);
  } catch (error) {
    if (error !== NEEDS_TO_JSON) throw error;
    return doc.toJSON() as unknown;
  }
}
