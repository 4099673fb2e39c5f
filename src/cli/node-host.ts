/** What the Node host gives the engine: one macrotask turn (so promise chains finish) and the labs folder. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const yieldToHost = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export const LABS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'labs');

/** Every file of a lab folder as relative path -> text. */
export function readLabFiles(labId: string, labsDir = LABS_DIR): Record<string, string> | undefined {
  const root = join(labsDir, labId);
  try {
    if (!statSync(root).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(root, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return files;
}

export function listLabIds(labsDir = LABS_DIR): string[] {
  return readdirSync(labsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}
