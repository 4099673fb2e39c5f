/** Every lab folder under /labs, bundled as text by Vite (labs are data, never code). */
const files = import.meta.glob('../../labs/*/**', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function bundledLabFiles(labId: string): Record<string, string> | undefined {
  const prefix = `../../labs/${labId}/`;
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) if (path.startsWith(prefix)) out[path.slice(prefix.length)] = text;
  return Object.keys(out).length ? out : undefined;
}

export function bundledLabIds(): string[] {
  return [...new Set(Object.keys(files).map((p) => p.split('/')[3]!))].sort();
}
