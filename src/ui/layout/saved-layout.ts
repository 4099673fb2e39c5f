/**
 * The lab page's layout as the learner left it, kept in localStorage: the steps column's width, the
 * dock's share of the work area, whether the dock is open and which pane it shows. What is read back
 * is checked, as anything another version of the app may have written.
 */
export type DockPane = 'editor' | 'preview' | 'rollout';

export interface Layout {
  stepsPx: number;
  /** The dock's share of the work area, beside or below the terminal, in percent. */
  dockPercent: number;
  dockOpen: boolean;
  dockPane: DockPane;
}

export const LAYOUT_KEY = 'cka-lab.layout';

export const STEPS_MIN_PX = 240;
export const STEPS_MAX_PX = 640;
export const DOCK_MIN_PERCENT = 20;
export const DOCK_MAX_PERCENT = 80;

export const DEFAULT_LAYOUT: Layout = { stepsPx: 360, dockPercent: 45, dockOpen: false, dockPane: 'editor' };

const PANES: readonly string[] = ['editor', 'preview', 'rollout'] satisfies DockPane[];

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The layout in `text` (the stored JSON), each field that is missing or unsound replaced by its default. */
export function readLayout(text: string | null): Layout {
  let value: unknown;
  try {
    value = text === null ? undefined : JSON.parse(text);
  } catch {
    value = undefined;
  }
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const number = (v: unknown, fallback: number, min: number, max: number) => (typeof v === 'number' && Number.isFinite(v) ? clamp(v, min, max) : fallback);
  return {
    stepsPx: number(record.stepsPx, DEFAULT_LAYOUT.stepsPx, STEPS_MIN_PX, STEPS_MAX_PX),
    dockPercent: number(record.dockPercent, DEFAULT_LAYOUT.dockPercent, DOCK_MIN_PERCENT, DOCK_MAX_PERCENT),
    dockOpen: typeof record.dockOpen === 'boolean' ? record.dockOpen : DEFAULT_LAYOUT.dockOpen,
    dockPane: typeof record.dockPane === 'string' && PANES.includes(record.dockPane) ? (record.dockPane as DockPane) : DEFAULT_LAYOUT.dockPane,
  };
}

export function loadLayout(): Layout {
  try {
    return readLayout(localStorage.getItem(LAYOUT_KEY));
  } catch {
    // Storage refused (private mode, a sandboxed embed): the defaults, every visit.
    return DEFAULT_LAYOUT;
  }
}

export function saveLayout(layout: Layout): void {
  try {
    localStorage.setItem(LAYOUT_KEY, JSON.stringify(layout));
  } catch {
    // Best effort, as above.
  }
}

/**
 * Where the dock goes in a work area `workPx` wide: beside the terminal while both fit (the
 * terminal at its 80 columns, the dock at `dockMinPx`), else below it.
 */
export function dockPlacement(workPx: number, terminalMinPx: number, dockMinPx: number): 'beside' | 'below' {
  return workPx >= terminalMinPx + dockMinPx ? 'beside' : 'below';
}

/** The dock's width beside the terminal: its share, but never so wide that the terminal drops under `terminalMinPx`. */
export function dockBesidePx(workPx: number, percent: number, terminalMinPx: number): number {
  return Math.max(0, Math.min((workPx * percent) / 100, workPx - terminalMinPx));
}

/** The steps column's width: the learner's, but never so wide that the work area drops under `workMinPx`. */
export function stepsWidthPx(pagePx: number, stepsPx: number, workMinPx: number): number {
  return clamp(Math.min(stepsPx, pagePx - workMinPx), STEPS_MIN_PX, STEPS_MAX_PX);
}
