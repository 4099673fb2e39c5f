import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import type { EarlySession } from './early-session.ts';
import { UpdateNotice } from '../offline/update-notice.tsx';
import { firstScreenShown } from '../offline/after-first-screen.ts';

/** The page's React tree, loaded by the entry once it has started the session (early-session.ts). */
export function renderApp(root: HTMLElement, early: EarlySession): void {
  // Subscribed before the app releases the session's held events, so it sees the first of them.
  const firstScreen = firstScreenShown(early.client);
  createRoot(root).render(
    <>
      <App early={early} />
      <UpdateNotice firstScreen={firstScreen} />
    </>,
  );
}
