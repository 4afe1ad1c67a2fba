import { type Browser, chromium } from 'playwright-core';
const { findChromium } = require('../../scripts/chromium.cjs') as { findChromium: () => string | null };

/** The machine's Chromium (`npm test` finds or installs it first) driven by playwright-core; a fresh profile each launch. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium() ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
}
