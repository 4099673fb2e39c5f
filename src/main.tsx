import { startSessionWorker } from './ui/app/session-worker-start.ts';
import '@xterm/xterm/css/xterm.css';
import './ui/app/app.css';

// The worker first: it is most of the wait for the prompt, and the page's script can load meanwhile.
startSessionWorker();
void import('./ui/app/app-root.tsx').then(({ renderApp }) => renderApp(document.getElementById('root')!));
