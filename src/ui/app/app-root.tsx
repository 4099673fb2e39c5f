import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { UpdateNotice } from '../offline/update-notice.tsx';

/** The page's React tree, loaded by the entry once it has started the session worker. */
export function renderApp(root: HTMLElement): void {
  createRoot(root).render(
    <>
      <App />
      <UpdateNotice />
    </>,
  );
}
