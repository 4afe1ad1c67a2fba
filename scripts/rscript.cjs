// Finds Rscript for the export test (it runs the bundle's reproduce.R), and installs R when the machine allows it.
// CommonJS so that both the .mjs scripts and the jest-transpiled tests can load it. Like chromium.cjs, but R is
// optional: without it the R test is skipped with HOW_TO_INSTALL printed, and the rest of the suite runs.
const { existsSync, readFileSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const MAC_PATHS = ['/usr/local/bin/Rscript', '/opt/homebrew/bin/Rscript', '/Library/Frameworks/R.framework/Resources/bin/Rscript'];

/** The first usable Rscript: RSCRIPT_PATH, then PATH, then the usual macOS places; null if none. */
function findRscript() {
  const fromEnv = process.env.RSCRIPT_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  const exe = process.platform === 'win32' ? 'Rscript.exe' : 'Rscript';
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, exe))) return path.join(dir, exe);
  }
  return MAC_PATHS.find((candidate) => existsSync(candidate)) ?? null;
}

function isDebianLike() {
  try {
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

const HOW_TO_INSTALL = [
  'No Rscript was found: the test that runs an export\'s reproduce.R against the report is SKIPPED. To run it, install R:',
  '  Debian/Ubuntu:  sudo apt-get install -y r-base-core',
  '  macOS:          brew install r   (or the installer from https://cran.r-project.org/bin/macosx/)',
  '  anywhere:       RSCRIPT_PATH=/path/to/Rscript npm test',
].join('\n');

function run(cmd, args, log) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
}

/**
 * Returns an Rscript path, installing Debian's r-base-core when none is found and we are root on Debian/Ubuntu.
 * Returns null, after printing how to install R, otherwise (the caller skips the R test; it does not fail the suite).
 */
function ensureRscript(log = (line) => console.log(line)) {
  const found = findRscript();
  if (found) return found;
  if (process.env.RSCRIPT_PATH) {
    log(`RSCRIPT_PATH=${process.env.RSCRIPT_PATH} does not exist.`);
    return null;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isDebianLike() && isRoot) {
    log('No Rscript found: installing Debian\'s r-base-core for the export test (about a minute)…');
    if (run('apt-get', ['update', '-qq'], log) && run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'r-base-core'], log)) {
      const installed = findRscript();
      if (installed) return installed;
    }
  }
  log(HOW_TO_INSTALL);
  return null;
}

module.exports = { findRscript, ensureRscript, HOW_TO_INSTALL };
