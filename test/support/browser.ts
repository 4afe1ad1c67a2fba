import { type Browser, chromium } from 'playwright-core';
const { findChromium } = require('../../scripts/chromium.cjs') as { findChromium: () => string | null };

/** How every test starts the machine's Chromium (`npm test` finds or installs it first): headless, quiet, no sandbox. */
export const chromiumOptions = () => ({
  executablePath: findChromium() ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
  ],
});

/** The machine's Chromium driven by playwright-core; a fresh profile each launch. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumOptions());
}
