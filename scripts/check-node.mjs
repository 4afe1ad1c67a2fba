// Stops `npm start` / `npm test` early, with a clear message, on a Node.js older than package.json's `engines`.
import { readFileSync } from 'node:fs';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const [needMajor, needMinor] = engines.node.replace(/^>=/, '').split('.').map(Number);
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < needMajor || (major === needMajor && minor < needMinor)) {
  console.error(`Respeta needs Node.js ${engines.node}; this is ${process.version}. Install a current LTS (https://nodejs.org) and run the command again.`);
  process.exit(1);
}
