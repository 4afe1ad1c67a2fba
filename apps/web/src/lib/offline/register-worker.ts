import { PAGE_SHOWN } from '../../components/page-heading';

/** How long the network must stay quiet (no file or answer arriving) before the worker's copy may start. */
export const QUIET_MS = 800;
/** Past this, after the first page shows, the worker installs even if the page keeps loading things. */
export const PATIENCE_MS = 8000;

/**
 * The service worker keeps the app and the lessons already opened for offline use (src/sw). Its install downloads a
 * copy of the app (the page, icons, the learner's chunks): started while the first page still loads its own files and
 * answers, that copy competes with them on a slow network. So it registers once the first page shows *and* the
 * network has been quiet for QUIET_MS (what the page itself asks for has arrived), at the latest PATIENCE_MS after the
 * page shows, or 15 s after load whatever happens.
 */
export function registerWhenQuiet(register: () => void, win: Window = window): void {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    register();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const quietThenGo = () => {
    clearTimeout(timer);
    timer = setTimeout(go, QUIET_MS);
  };
  win.addEventListener(PAGE_SHOWN, () => {
    if (done) return;
    // Every file or answer that finishes (PerformanceObserver sees each one as it completes) restarts the wait.
    const observer = typeof PerformanceObserver === 'undefined' ? null : new PerformanceObserver(() => !done && quietThenGo());
    try {
      observer?.observe({ type: 'resource', buffered: false });
    } catch {
      // no resource timing: the quiet wait alone
    }
    quietThenGo();
    setTimeout(() => {
      observer?.disconnect();
      go();
    }, PATIENCE_MS);
  }, { once: true });
  win.addEventListener('load', () => setTimeout(go, 15_000));
}
