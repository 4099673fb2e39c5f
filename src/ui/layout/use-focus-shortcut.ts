import { useEffect, type RefObject } from 'react';
import { STEP_ANSWER } from '../lab-panel/step-answer.tsx';
import { focusShortcut, nextFocusArea, type FocusArea } from './focus-areas.ts';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** Where the keyboard goes in each area: the terminal's input, the editor's text (or its first control), the current step's answer. */
function focusTarget(area: FocusArea, page: HTMLElement): HTMLElement | null {
  if (area === 'terminal') return page.querySelector<HTMLElement>('.terminal-slot textarea');
  if (area === 'editor') {
    const editor = page.querySelector<HTMLElement>('[data-testid=editor]');
    return editor?.querySelector<HTMLElement>('.monaco-editor textarea') ?? editor?.querySelector<HTMLElement>(FOCUSABLE) ?? null;
  }
  const steps = page.querySelector<HTMLElement>('.steps-column, .steps-drawer');
  const current = steps?.querySelector<HTMLElement>('[aria-current=step]');
  return current?.querySelector<HTMLElement>(STEP_ANSWER) ?? current?.querySelector<HTMLElement>(FOCUSABLE) ?? steps?.querySelector<HTMLElement>(FOCUSABLE) ?? null;
}

function areaOf(element: Element | null): FocusArea | undefined {
  if (element?.closest('.terminal-slot')) return 'terminal';
  if (element?.closest('[data-testid=editor]')) return 'editor';
  if (element?.closest('.steps-column, .steps-drawer')) return 'steps';
  return undefined;
}

/**
 * Ctrl+Alt+O (Shift: backwards) moves the keyboard between the terminal, the editor and the steps,
 * bringing the editor's pane forward or opening the steps' drawer first when they are hidden.
 */
export function useFocusShortcut(page: RefObject<HTMLElement | null>, options: { hasSteps: boolean; showEditor: () => void; openDrawer: (() => void) | undefined }): void {
  const { hasSteps, showEditor, openDrawer } = options;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const step = focusShortcut({ code: e.code, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altGraph: e.getModifierState('AltGraph') });
      const root = page.current;
      if (step === undefined || !root) return;
      // Captured before xterm and Monaco, which would take the keys as their own.
      e.preventDefault();
      e.stopPropagation();
      const area = nextFocusArea(areaOf(document.activeElement), step, hasSteps ? ['terminal', 'editor', 'steps'] : ['terminal', 'editor']);
      if (area === 'editor') showEditor();
      if (area === 'steps') openDrawer?.();
      // The pane brought forward or the drawer opened renders first.
      requestAnimationFrame(() => requestAnimationFrame(() => area && focusTarget(area, root)?.focus()));
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [page, hasSteps, showEditor, openDrawer]);
}
