import { startEarlySession } from './ui/app/early-session.ts';
import '@xterm/xterm/css/xterm.css';
import './ui/app/app.css';

// The session first: the worker builds it while the page's app loads and renders.
const early = startEarlySession();
void import('./ui/app/app-root.tsx').then(({ renderApp }) => renderApp(document.getElementById('root')!, early));
