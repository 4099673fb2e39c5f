import { createRoot } from 'react-dom/client';
import { App } from './ui/app/app.tsx';
import { UpdateNotice } from './ui/offline/update-notice.tsx';
import '@xterm/xterm/css/xterm.css';
import './ui/app/app.css';

createRoot(document.getElementById('root')!).render(
  <>
    <App />
    <UpdateNotice />
  </>,
);
