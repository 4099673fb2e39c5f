import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface TerminalMenuProps {
  /** Where the menu opens, in the page's coordinates. */
  x: number;
  y: number;
  /** The terminal's selection when the menu was asked for: Copy is offered only with one. */
  selection: string;
  onCopy(): void;
  onPaste(): void;
  /** The menu closes; the keyboard goes back to the terminal. */
  onClose(): void;
}

/**
 * The terminal's own context menu (issue 14 item 7): Copy and Paste, as a terminal's right click
 * offers them. Opened by the mouse or by the menu key / Shift+F10; arrows move, Escape closes.
 */
export function TerminalMenu({ x, y, selection, onCopy, onPaste, onClose }: TerminalMenuProps) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
    const away = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away, true);
    return () => window.removeEventListener('mousedown', away, true);
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      onClose();
      return;
    }
    // Taken on keydown: a click from the key would come after the keyboard is back in the terminal,
    // and its Enter would reach the shell as a command line.
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      (document.activeElement as HTMLButtonElement | null)?.click();
      return;
    }
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button:not([disabled])') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    items[(at + step + items.length) % items.length]?.focus();
  };

  return (
    <div ref={menu} className="terminal-menu" role="menu" aria-label="Terminal" data-testid="terminal-menu" style={{ left: x, top: y }} onKeyDown={onKeyDown}>
      <button role="menuitem" disabled={selection === ''} onClick={onCopy}>
        Copy <kbd>Ctrl+Shift+C</kbd>
      </button>
      <button role="menuitem" onClick={onPaste}>
        Paste <kbd>Ctrl+Shift+V</kbd>
      </button>
    </div>
  );
}
