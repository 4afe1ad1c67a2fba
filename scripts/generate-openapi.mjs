// Regenerates the web client's API types from the server: OpenAPI JSON, then TypeScript via openapi-typescript.
// Run after changing a controller or DTO: `npm run openapi:generate` (a test fails while they are out of date).
import { execFileSync } from 'node:child_process';

const json = 'apps/web/src/lib/api/openapi.json';
execFileSync('npm', ['run', '--silent', 'build:api'], { stdio: 'inherit' });
execFileSync(process.execPath, ['dist/apps/api/src/cli/export-openapi.js', json], { stdio: 'inherit' });
execFileSync('npx', ['openapi-typescript', json, '-o', 'apps/web/src/lib/api/schema.d.ts'], { stdio: 'inherit' });
