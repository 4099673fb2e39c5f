import type { KeyboardEvent, PointerEvent } from 'react';

/** How far one arrow key moves a separator; Shift moves it four times as far. */
const STEP = 16;

/**
 * A splitter between two panes, as the WAI-ARIA window splitter pattern has it: dragged with the
 * pointer, moved by the arrow keys (Home and End: to its bounds). `value` is in the caller's unit
 * (pixels, percent); `pxPerUnit` converts a drag or a key step into it, `sign` -1 when moving the
 * pointer right or down makes the value smaller (a pane on the right or below grows).
 */
export function PaneSeparator({
  label,
  testId,
  orientation,
  value,
  min,
  max,
  pxPerUnit,
  sign,
  onChange,
}: {
  label: string;
  testId: string;
  /** `vertical`: a bar between panes side by side, moved left and right. */
  orientation: 'vertical' | 'horizontal';
  value: number;
  min: number;
  max: number;
  pxPerUnit: number;
  sign: 1 | -1;
  onChange: (value: number) => void;
}) {
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)));
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const start = orientation === 'vertical' ? e.clientX : e.clientY;
    const from = value;
    const move = (m: globalThis.PointerEvent) => {
      const moved = (orientation === 'vertical' ? m.clientX : m.clientY) - start;
      onChange(clamp(from + (sign * moved) / pxPerUnit));
    };
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = ((e.shiftKey ? 4 : 1) * STEP) / pxPerUnit;
    const forward = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
    const back = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
    let next: number | undefined;
    if (e.key === forward) next = value + sign * step;
    else if (e.key === back) next = value - sign * step;
    else if (e.key === 'Home') next = min;
    else if (e.key === 'End') next = max;
    if (next === undefined) return;
    e.preventDefault();
    onChange(clamp(next));
  };
  return (
    <div
      className={`pane-separator ${orientation}`}
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={Math.round(value)}
      aria-valuemin={Math.round(min)}
      aria-valuemax={Math.round(max)}
      data-testid={testId}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
