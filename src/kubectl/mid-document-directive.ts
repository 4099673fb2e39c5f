/**
 * A `%` directive line after a document's content: go-yaml's scanner takes any `%` at column 0 as a
 * directive, which ends the document, and sigs.k8s.io/yaml decodes only the first document of
 * what the YAML reader hands it (everything up to the next `---` line). So the directive and the
 * lines after it, to that `---`, are never read: kubectl v1.35 reads `apiVersion: v1\n%YAML 1.2\nkind:
 * Pod` as `{"apiVersion":"v1"}`.
 */

/** The text with those lines blanked to spaces, so offsets and line numbers stay where they were. */
export function blankMidDocumentDirectives(text: string): string {
  if (!/(^|\n)%/.test(text)) return text;
  const lines = text.split('\n');
  let hasContent = false;
  let skipping = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('---')) {
      hasContent = false;
      skipping = false;
    } else if (skipping || (hasContent && line.startsWith('%'))) {
      skipping = true;
      lines[i] = ' '.repeat(line.length);
    } else if (!line.startsWith('%') && line.trim() !== '' && !line.trimStart().startsWith('#')) {
      hasContent = true;
    }
  }
  return lines.join('\n');
}
