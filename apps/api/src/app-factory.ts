import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import { json, static as serveStatic, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { createValidationPipe } from './common/validation.js';
import { TimedExpressAdapter } from './common/timed-express-adapter.js';
import { apiSecurityHeaders } from './common/api-security-headers.js';
import { ErrorResponseDto } from './common/error-response.dto.js';
import { createRequestLogger, createRootLogger } from './common/request-logger.js';
import type { AppConfig } from './config/app-config.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './database/embedded-postgres.js';
import { seedDemo, type DemoLogins } from './database/seed/demo-seed.js';
import { ContentImporter } from './curriculum/content-import.service.js';

export interface RunningApp {
  app: INestApplication;
  databaseUrl: string;
  embedded: EmbeddedPostgres | null;
  demoLogins: DemoLogins | null;
  close(): Promise<void>;
}

/** Builds the whole API: database (embedded when no DATABASE_URL), migrations, seed, middleware, docs, web app. */
export async function createApp(config: AppConfig, options: { logger?: boolean } = {}): Promise<RunningApp> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  const rootLogger = createRootLogger(options.logger === false ? 'silent' : config.logLevel);

  const adapter = new TimedExpressAdapter({ requestTimeout: config.requestTimeoutMs, headersTimeout: config.headersTimeoutMs });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl, poolSizeFor(config, embedded !== null)), adapter, {
    logger: options.logger === false ? false : ['error', 'warn', 'log'],
    bodyParser: false,
  });
  if (config.trustProxy) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  app.use(createRequestLogger(rootLogger));
  // JSON answers get a fixed header set (what OWASP recommends for REST APIs); pages get helmet's full set with CSP.
  const pageHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.cookieSecure,
  });
  const apiHeaders = apiSecurityHeaders(config.cookieSecure);
  app.use((req: Request, res: Response, next: NextFunction) =>
    req.path.startsWith('/api') && !req.path.startsWith('/api/docs') ? apiHeaders(req, res, next) : pageHeaders(req, res, next),
  );
  app.set('etag', false);
  // A whole course document is large; only the authoring route that replaces one accepts more than the default.
  app.use(/^\/api\/course-versions\/[^/]+\/content$/, json({ limit: '5mb' }));
  app.useBodyParser('json', { limit: config.bodyLimit });
  // Only the auth routes read cookies (the refresh token).
  app.use('/api/auth', cookieParser());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const dataSource = app.get(DataSource);
  await dataSource.runMigrations({ transaction: 'each' });
  if (config.importContent) await app.get(ContentImporter).importDirectory(config.contentDir);
  const demoLogins = config.seedDemo ? await seedDemo(dataSource) : null;

  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
  serveWebApp(app, config.webDistDir);

  return {
    app,
    databaseUrl,
    embedded,
    demoLogins,
    async close() {
      await app.close();
      await embedded?.stop();
    },
  };
}

/** PGlite serves one session: more than one pooled connection would interleave protocol messages. */
export function poolSizeFor(config: AppConfig, embedded: boolean): number {
  return config.databasePoolSize ?? (embedded ? 1 : 10);
}

/** ErrorResponse is listed explicitly so the web client gets the ErrorCode enum it translates. */
export function createOpenApiDocument(app: INestApplication) {
  return SwaggerModule.createDocument(app, buildOpenApiConfig(), { extraModels: [ErrorResponseDto] });
}

function buildOpenApiConfig() {
  return new DocumentBuilder()
    .setTitle('Respeta API')
    .setDescription('Training on responding to gender-based violence against sex workers, with pre/post evaluation.')
    .setVersion('1')
    .addBearerAuth()
    .build();
}

/** The built web app is served at `/`; any non-API GET falls back to index.html so client routes work on reload. */
function serveWebApp(app: NestExpressApplication, webDistDir: string): void {
  const indexHtml = resolve(webDistDir, 'index.html');
  if (!existsSync(indexHtml)) {
    new Logger('Web').warn(`No built web app at ${webDistDir}; run "npm run build:web". Serving the API only.`);
    return;
  }
  // Phones on slow connections: the web app's files travel gzip-compressed (cached for a year, so compressed rarely).
  const compress = compression({ threshold: 1024 });
  const assets = serveStatic(webDistDir, { index: false, maxAge: '1y', immutable: true, setHeaders: (res, path) => {
    if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
  } });
  // API requests never touch the file system.
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api') ? next() : compress(req, res, () => assets(req, res, next))));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
}
