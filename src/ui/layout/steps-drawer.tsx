import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The steps folded away where the terminal needs the width (an embed, a narrow page): a bar with
 * the lab's title and score that opens them over the work area. Escape closes them again.
 */
export function StepsDrawer({ label, open, onToggle, steps }: { label: string; open: boolean; onToggle: (open: boolean) => void; steps: ReactNode }) {
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (open) panel.current?.focus();
  }, [open]);
  return (
    <>
      <div className="steps-drawer-bar">
        <button aria-expanded={open} aria-controls="steps-drawer" data-testid="steps-drawer-toggle" onClick={() => onToggle(!open)}>
          {open ? '◂ Hide steps' : '▸ Steps'}
        </button>
        <span className="steps-drawer-label">{label}</span>
      </div>
      <aside
        id="steps-drawer"
        className="steps-drawer"
        aria-label="steps"
        hidden={!open}
        tabIndex={-1}
        ref={panel}
        data-testid="steps-drawer"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onToggle(false);
        }}
      >
        {steps}
      </aside>
    </>
  );
}
