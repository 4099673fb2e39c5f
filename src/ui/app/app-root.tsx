import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import type { EarlySession } from './early-session.ts';
import { UpdateNotice } from '../offline/update-notice.tsx';

/** The page's React tree, loaded by the entry once it has started the session (early-session.ts). */
export function renderApp(root: HTMLElement, early: EarlySession): void {
  createRoot(root).render(
    <>
      <App early={early} />
      <UpdateNotice />
    </>,
  );
}
