import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

/** Chunks only staff reach (their pages, their strings, the report and its charts): never precached on a learner's phone. */
const STAFF_ONLY = /\/features\/(trainer|admin)\/|\/locales\/\w+\/trainer\.json$/;

interface ChunkInfo {
  type: 'chunk' | 'asset';
  fileName: string;
  isEntry?: boolean;
  facadeModuleId?: string | null;
  imports?: string[];
  dynamicImports?: string[];
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
}

/**
 * Builds src/sw/service-worker.ts into dist/sw.js after the app: the list of files to precache (index.html, the entry
 * and every chunk a learner can reach, not the staff areas) and a build id derived from them are written into it, so a
 * new deployment is a new worker and an unchanged one is byte-identical (no needless update on the phones).
 */
export function serviceWorker(options: { entry: string; publicFiles: string[] }): Plugin {
  return {
    name: 'respeta-service-worker',
    apply: 'build',
    // After writing: the bundle is final then (Vite drops CSS-only chunks late in generateBundle).
    async writeBundle(output, bundle) {
      const outDir = output.dir!;
      const files = bundle as unknown as Record<string, ChunkInfo>;
      const seen = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = files[fileName];
        if (!chunk || seen.has(fileName) || (chunk.facadeModuleId && STAFF_ONLY.test(chunk.facadeModuleId))) return;
        seen.add(fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) seen.add(css);
        for (const asset of chunk.viteMetadata?.importedAssets ?? []) seen.add(asset);
        for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
      };
      for (const chunk of Object.values(files)) if (chunk.type === 'chunk' && chunk.isEntry) visit(chunk.fileName);
      const built = [...seen].filter((f) => existsSync(resolve(outDir, f))).sort();
      const precache = ['/index.html', ...options.publicFiles, ...built.map((f) => `/${f}`)];
      const html = readFileSync(resolve(outDir, 'index.html'));
      const id = createHash('sha256').update(JSON.stringify(precache)).update(html).digest('hex').slice(0, 12);
      await build({
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        define: { __PRECACHE__: JSON.stringify(precache), __BUILD__: JSON.stringify(id) },
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          target: 'es2022',
          minify: true,
          lib: { entry: options.entry, formats: ['iife'], name: 'respetaServiceWorker', fileName: () => 'sw.js' },
        },
      });
    },
  };
}
