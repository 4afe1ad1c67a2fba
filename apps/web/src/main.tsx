import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import i18n, { ensureLanguage, type Language } from './lib/i18n';
import { replayIfWaiting } from './lib/offline/offline-store';
import { registerWhenQuiet } from './lib/offline/register-worker';
import './app/app.css';

// The service worker (src/sw): installs once the first page shows and its own downloads are done (register-worker.ts).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  registerWhenQuiet(() => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
// Answers kept on this phone from an earlier visit are sent now (the queue's code loads only when there are some).
replayIfWaiting();

// A returning English reader gets English strings before the first paint (one small request).
await ensureLanguage(i18n.language as Language);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
