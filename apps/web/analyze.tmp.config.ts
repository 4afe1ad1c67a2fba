import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);
import base from './vite.config.ts';
import { gzipSync } from 'node:zlib';
export default {
  ...base,
  build: { ...base.build, outDir: '/tmp/wt-weight-analyze-dist' },
  plugins: [...base.plugins, {
    name: 'sizes',
    generateBundle(_o, bundle) { const out = [];
      for (const [name, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk' || !/learn-routes|app-|player|replay|markdown|certificate|save-file/.test(name)) continue;
        const rows = Object.entries(chunk.modules).map(([id, m]) => [m.renderedLength, gzipSync(m.code ?? '').length, id.replace(/.*node_modules\//, 'nm/').replace('/work/wt-weight/', '')]).sort((a, b) => b[0] - a[0]);
        out.push(`\n== ${name} imports=${chunk.imports.join(',')} dyn=${chunk.dynamicImports.join(',')}`);
        for (const r of rows.slice(0, 100)) out.push(String(r[0]).padStart(8), String(r[1]).padStart(7), r[2]);
      }
    require('node:fs').writeFileSync('/tmp/wt-weight-sizes.txt', out.join('\n')); },
  }],
};
