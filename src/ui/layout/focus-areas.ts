/** The parts of a lab page the focus shortcut moves between, in the order it visits them. */
export const FOCUS_AREAS = ['terminal', 'editor', 'steps'] as const;
export type FocusArea = (typeof FOCUS_AREAS)[number];

/**
 * Ctrl+Alt+O moves to the next area, Ctrl+Alt+Shift+O to the one before. No readline, vim or nano
 * binding uses it, and AltGr (Ctrl+Alt on Windows) is left to type its letters.
 */
export function focusShortcut(e: Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey'> & { altGraph: boolean }): 1 | -1 | undefined {
  if (e.code !== 'KeyO' || !e.ctrlKey || !e.altKey || e.metaKey || e.altGraph) return undefined;
  return e.shiftKey ? -1 : 1;
}

/** The area after `current` (or the first, from anywhere else), skipping those the page does not show. */
export function nextFocusArea(current: FocusArea | undefined, step: 1 | -1, shown: readonly FocusArea[]): FocusArea | undefined {
  const order = FOCUS_AREAS.filter((a) => shown.includes(a));
  if (order.length === 0) return undefined;
  if (current === undefined || !order.includes(current)) return step === 1 ? order[0] : order.at(-1);
  return order[(order.indexOf(current) + step + order.length) % order.length];
}
