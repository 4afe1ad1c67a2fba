// Renders apps/web/public/icons/icon.svg to the PNG sizes the web app manifest lists (run after changing the SVG).
// Usage: node scripts/render-icons.mjs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const { ensureChromium } = createRequire(import.meta.url)('./chromium.cjs');
const dir = resolve(import.meta.dirname, '../apps/web/public/icons');
const svg = readFileSync(resolve(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: ensureChromium() ?? process.exit(1), args: ['--no-sandbox'] });
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: resolve(dir, `icon-${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
