import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import i18n, { ensureLanguage, type Language } from './lib/i18n';
import './app/app.css';

// A returning English reader gets English strings before the first paint (one small request).
await ensureLanguage(i18n.language as Language);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
