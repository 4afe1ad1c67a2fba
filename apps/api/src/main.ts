import { ConfigError, loadConfig } from './config/app-config.js';
import { createApp } from './app-factory.js';
import { printDemoLogins } from './database/seed/demo-seed.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await createApp(config);
  await running.app.listen(config.port, config.host);
  const address = running.app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  const database = running.embedded ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL from DATABASE_URL';
  process.stdout.write(`\nRespeta is running at ${url}  (API docs: ${url}/api/docs; database: ${database})\n`);
  if (running.demoLogins) printDemoLogins(running.demoLogins, url);
  // An embedded database must be closed cleanly so its files stay consistent.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      running.close().finally(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Respeta failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
