import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, createOpenApiDocument } from '../app-factory.js';
import { loadConfig } from '../config/app-config.js';

/** Writes the OpenAPI document (the web client's types are generated from it) using a throwaway embedded database. */
async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('Usage: export-openapi <output.json>');
  const dataDir = mkdtempSync(join(tmpdir(), 'respeta-openapi-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'silent' });
  const running = await createApp(config, { logger: false });
  try {
    const document = createOpenApiDocument(running.app);
    writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  } finally {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
