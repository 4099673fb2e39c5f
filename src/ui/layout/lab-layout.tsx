import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Preview } from '../../labs/schema.ts';
import type { WorkerClient } from '../../protocol/worker-client.ts';
import { TerminalPane } from '../terminal/terminal-pane.tsx';
import { PaneSeparator } from './pane-separator.tsx';
import {
  DOCK_MAX_PERCENT,
  DOCK_MIN_PERCENT,
  STEPS_MAX_PX,
  STEPS_MIN_PX,
  dockBesidePx,
  dockPlacement,
  loadLayout,
  saveLayout,
  stepsWidthPx,
  type DockPane,
  type Layout,
} from './saved-layout.ts';
import { StepsDrawer } from './steps-drawer.tsx';
import { useFocusShortcut } from './use-focus-shortcut.ts';
import { WorkDock } from './work-dock.tsx';
import './lab-layout.css';

/** The narrowest a pane beside the terminal may be; narrower, it goes below. */
const DOCK_BESIDE_MIN_PX = 420;

/**
 * The lab page: the steps on the left (a drawer in an embed or on a narrow page), the terminal,
 * never under 80 columns, and the dock of editor, app preview and rollout view beside or below
 * it. Sizes and the dock's state are the learner's, kept across visits (saved-layout.ts).
 */
export function LabLayout({ client, steps, stepsLabel, previews, embed }: { client: WorkerClient; steps: ReactNode; stepsLabel: string; previews: Preview[]; embed: boolean }) {
  const [layout, setLayout] = useState<Layout>(loadLayout);
  const [size, setSize] = useState({ pagePx: 0, workPx: 0, workHeightPx: 0, terminalMinPx: 0 });
  const [drawerOpen, setDrawerOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const work = useRef<HTMLDivElement>(null);
  const slot = useRef<HTMLDivElement>(null);

  const change = useCallback((patch: Partial<Layout>) => {
    setLayout((old) => {
      const next = { ...old, ...patch };
      saveLayout(next);
      return next;
    });
  }, []);
  const show = useCallback((pane: DockPane) => change({ dockOpen: true, dockPane: pane }), [change]);
  const hide = useCallback(() => change({ dockOpen: false }), [change]);

  useLayoutEffect(() => {
    const measure = () => {
      // The slot's min-width is 80 columns in the terminal's font (lab-layout.css), resolved to pixels.
      const terminalMinPx = parseFloat(getComputedStyle(slot.current!).minWidth) || 0;
      const box = work.current!.getBoundingClientRect();
      setSize({ pagePx: root.current!.clientWidth, workPx: box.width, workHeightPx: box.height, terminalMinPx });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(root.current!);
    observer.observe(work.current!);
    return () => observer.disconnect();
  }, []);

  const hasSteps = steps !== null;
  const separatorPx = 6;
  const drawer = hasSteps && (embed || size.pagePx - size.terminalMinPx - separatorPx < STEPS_MIN_PX);
  const stepsPx = stepsWidthPx(size.pagePx, layout.stepsPx, size.terminalMinPx + separatorPx);
  const placement = layout.dockOpen ? dockPlacement(size.workPx, size.terminalMinPx, DOCK_BESIDE_MIN_PX) : 'below';
  const besideMaxPercent = size.workPx > 0 ? Math.max(DOCK_MIN_PERCENT, Math.min(DOCK_MAX_PERCENT, ((size.workPx - size.terminalMinPx) / size.workPx) * 100)) : DOCK_MAX_PERCENT;
  const dockStyle = !layout.dockOpen
    ? undefined
    : placement === 'beside'
      ? { flex: `0 0 ${dockBesidePx(size.workPx, layout.dockPercent, size.terminalMinPx)}px` }
      : { flex: `0 0 ${layout.dockPercent}%` };

  useEffect(() => {
    if (!drawer) setDrawerOpen(false);
  }, [drawer]);
  const showEditor = useCallback(() => show('editor'), [show]);
  const openDrawer = useCallback(() => setDrawerOpen(true), []);
  useFocusShortcut(root, { hasSteps, showEditor, openDrawer: drawer ? openDrawer : undefined });

  return (
    <div className={`lab-layout${drawer ? ' with-drawer' : ''}`} ref={root} data-testid="lab-layout">
      {hasSteps && !drawer && (
        <>
          <aside className="steps-column" style={{ flexBasis: `${stepsPx}px` }} aria-label="steps">
            {steps}
          </aside>
          <PaneSeparator
            label="Resize the steps"
            testId="steps-separator"
            orientation="vertical"
            value={stepsPx}
            min={STEPS_MIN_PX}
            max={Math.max(STEPS_MIN_PX, Math.min(STEPS_MAX_PX, size.pagePx - size.terminalMinPx - separatorPx))}
            pxPerUnit={1}
            sign={1}
            onChange={(v) => change({ stepsPx: v })}
          />
        </>
      )}
      {drawer && <StepsDrawer label={stepsLabel} open={drawerOpen} onToggle={setDrawerOpen} steps={steps} />}
      <div className={`work-area ${placement}`} ref={work}>
        <div className="terminal-slot" ref={slot}>
          <TerminalPane client={client} />
        </div>
        {layout.dockOpen && (
          <PaneSeparator
            label="Resize the panes beside the terminal"
            testId="dock-separator"
            orientation={placement === 'beside' ? 'vertical' : 'horizontal'}
            value={placement === 'beside' ? Math.min(layout.dockPercent, besideMaxPercent) : layout.dockPercent}
            min={DOCK_MIN_PERCENT}
            max={placement === 'beside' ? besideMaxPercent : DOCK_MAX_PERCENT}
            pxPerUnit={Math.max(1, (placement === 'beside' ? size.workPx : size.workHeightPx) / 100)}
            sign={-1}
            onChange={(v) => change({ dockPercent: v })}
          />
        )}
        <div className="work-dock-slot" style={dockStyle}>
          <WorkDock client={client} previews={previews} open={layout.dockOpen} pane={layout.dockPane} onShow={show} onHide={hide} />
        </div>
      </div>
    </div>
  );
}
