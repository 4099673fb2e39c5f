/** What vim says on its status line, for the editor's vim keys. */
export const E37 = 'E37: No write since last change (add ! to override)';

export const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** vim's line after a write: `"pod.yaml" 12L, 240B written`. */
export function writtenMessage(path: string, content: string): string {
  const lines = content === '' ? 0 : content.split('\n').length - (content.endsWith('\n') ? 1 : 0);
  return `"${baseName(path)}" ${lines}L, ${new TextEncoder().encode(content).length}B written`;
}
