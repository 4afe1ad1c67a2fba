// Finds a Chromium for the browser tests and benches, and installs one when the machine allows it.
// CommonJS so that both the .mjs scripts and the jest-transpiled test helpers can load it.
const { existsSync, readdirSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const { homedir, platform } = require('node:os');
const path = require('node:path');

const ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const MAC_APPS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/** Browsers that `npx playwright-core install chromium` put in Playwright's cache (any revision). */
function playwrightCacheBrowsers() {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH
    ?? (platform() === 'darwin' ? path.join(homedir(), 'Library/Caches/ms-playwright') : path.join(homedir(), '.cache/ms-playwright'));
  if (!existsSync(cache)) return [];
  const inside = [
    'chrome-linux/chrome',
    'chrome-linux64/chrome',
    'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
    'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
  ];
  return readdirSync(cache)
    .filter((dir) => /^chromium-\d+$/.test(dir))
    .sort()
    .reverse()
    .flatMap((dir) => inside.map((rel) => path.join(cache, dir, rel)));
}

/** The first usable Chromium: CHROMIUM_PATH, then PATH, then macOS apps, then Playwright's cache; null if none. */
function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const name of ON_PATH) {
    const found = onPath(name);
    if (found) return found;
  }
  return [...MAC_APPS, ...playwrightCacheBrowsers()].find((candidate) => existsSync(candidate)) ?? null;
}

function isDebianLike() {
  try {
    const release = require('node:fs').readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
  } catch {
    return false;
  }
}

const HOW_TO_INSTALL = [
  'No Chromium was found for the browser tests. Install one, then run the tests again:',
  '  Debian/Ubuntu:  sudo apt-get install -y chromium   (Ubuntu: or npx playwright-core install chromium)',
  '  macOS:          npx playwright-core install chromium   (or install Google Chrome)',
  '  anywhere:       CHROMIUM_PATH=/path/to/chrome npm test',
].join('\n');

/** Runs an installer, showing its errors but not its progress chatter. */
function run(cmd, args, log) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
}

/**
 * Returns a Chromium path, installing one if none is found and the machine allows it (Debian/Ubuntu as root: apt;
 * elsewhere Playwright's download). Returns null, after printing how to install one, when that fails.
 */
function ensureChromium(log = (line) => console.log(line)) {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROMIUM_PATH) {
    log(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
    return null;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isDebianLike() && isRoot) {
    log('No Chromium found: installing Debian\'s chromium package for the browser tests (about 30 s)…');
    if (run('apt-get', ['update', '-qq'], log) && run('apt-get', ['install', '-y', '-qq', 'chromium'], log)) {
      const installed = findChromium();
      if (installed) return installed;
    }
  } else {
    log('No Chromium found: downloading Playwright\'s Chromium for the browser tests…');
    if (run('npx', ['--no-install', 'playwright-core', 'install', 'chromium'], log)) {
      const installed = findChromium();
      if (installed) return installed;
    }
  }
  log(HOW_TO_INSTALL);
  return null;
}

module.exports = { findChromium, ensureChromium };
