// React 19 has useSyncExternalStore built in: wouter imports the pre-18 shim package (CommonJS, with
// a fallback implementation and interop code); vite.config.ts points them here instead (~0.1 KB less to download).
export { useSyncExternalStore } from 'react';
