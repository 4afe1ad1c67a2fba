import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { serviceWorker } from './service-worker-plugin';

const root = resolve(import.meta.dirname);
// Kept out of the learner group: what staff pages also use (the Markdown views, file saving, staff form parts), so
// they never download the journey machine; and the answer queue (replay, idb), which the home page loads alone when
// answers wait on the phone.
const NOT_LEARNER_GROUP =
  /[\\/]components[\\/](staff|report)[\\/]|markdown|save-file|select-field|nav-link|use-busy-action|table-scroll|data-table|privacy-strings|offline[\\/](replay|offline-db)|journey-submit|[\\/]lib[\\/]api[\\/]/;
const learnerShared = (id: string) =>
  (/[\\/]apps[\\/]web[\\/]src[\\/](lib[\\/]|components[\\/]|app[\\/](learn-routes|journey-))/.test(id) && !NOT_LEARNER_GROUP.test(id)) ||
  /[\\/]libs[\\/]journey[\\/]|[\\/]node_modules[\\/]xstate[\\/]/.test(id);
const repo = resolve(root, '../..');

export default defineConfig({
  root,
  plugins: [
    react(),
    serviceWorker({
      entry: resolve(root, 'src/sw/service-worker.ts'),
      publicFiles: ['/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon.svg'],
    }),
  ],
  resolve: {
    alias: [
      { find: '#journey', replacement: resolve(repo, 'libs/journey/src/index.ts') },
      { find: '#evaluation', replacement: resolve(repo, 'libs/evaluation/src/index.ts') },
      // The content editor's share of the course library: no file system or hashing (see libs/curriculum/src/browser.ts).
      { find: '#curriculum', replacement: resolve(repo, 'libs/curriculum/src/browser.ts') },
      { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: resolve(root, 'src/lib/react-sync-store.ts') },
    ],
  },
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    // Every browser that runs this es2022 build supports <link rel=modulepreload>: the polyfill would be dead weight.
    modulePreload: { polyfill: false },
    // Whatever the entry imports statically ships as one chunk (two files on first load rather than six, ~2 KB less
    // gzip); the lazy routes (course player, staff areas, verification) keep their own chunks.
    rolldownOptions: {
      // The course player: its frame and what its pages share (journey machine, answer queue, common components) are
      // one chunk, and each page another (app/lazy-pages.ts), rather than a dozen sub-kilobyte shared chunks that
      // each cost a request and its headers. Staff-only components and the Markdown reader stay out.
      output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }, { name: 'learn-routes', test: learnerShared, includeDependenciesRecursively: false }] } },
      // libs/journey is pure by design (no I/O, nothing runs on import): a module of it that nothing uses is dropped,
      // so the home page can ask a journey rule without bundling the machine and xstate.
      treeshake: { moduleSideEffects: [{ test: /[\\/]libs[\\/]journey[\\/]src[\\/]/, sideEffects: false }] },
    },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
