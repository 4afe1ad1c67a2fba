import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname);
const repo = resolve(root, '../..');

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    alias: {
      '#journey': resolve(repo, 'libs/journey/src/index.ts'),
      '#evaluation': resolve(repo, 'libs/evaluation/src/index.ts'),
    },
  },
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    // Whatever the entry imports statically ships as one chunk (two files on first load rather than six, ~2 KB less
    // gzip); the lazy routes (course player, staff areas, verification) keep their own chunks.
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] } },
      // libs/journey is pure by design (no I/O, nothing runs on import): a module of it that nothing uses is dropped,
      // so the home page can ask a journey rule without bundling the machine and xstate.
      treeshake: { moduleSideEffects: [{ test: /[\\/]libs[\\/]journey[\\/]src[\\/]/, sideEffects: false }] },
    },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
