import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { PAGE_SHOWN } from './components/page-heading';
import i18n, { ensureLanguage, type Language } from './lib/i18n';
import { replayIfWaiting } from './lib/offline/offline-store';
import './app/app.css';

// The service worker keeps the app and the lessons already opened for offline use (src/sw); not in development. It
// installs once the first page shows (its copy of the app would otherwise compete with the page on a slow network),
// or 15 s after load whatever happens.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  let registered = false;
  const register = () => {
    if (registered) return;
    registered = true;
    void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  };
  window.addEventListener(PAGE_SHOWN, register, { once: true });
  window.addEventListener('load', () => setTimeout(register, 15_000));
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
