/** The exam terminal's copy and paste keys: Ctrl+Shift+C and Ctrl+Shift+V (Ctrl+C stays the interrupt). */
export function clipboardKeyOf(e: Pick<KeyboardEvent, 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey' | 'code'>): 'copy' | 'paste' | undefined {
  if (!e.ctrlKey || !e.shiftKey || e.altKey || e.metaKey) return undefined;
  if (e.code === 'KeyC') return 'copy';
  if (e.code === 'KeyV') return 'paste';
  return undefined;
}
