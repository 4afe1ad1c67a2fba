import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { resolve } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { createValidationPipe } from './common/validation.js';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './common/json-depth.js';
import { API_SECURITY_HEADERS, ASSET_SECURITY_HEADERS } from './common/api-security-headers.js';
import { ErrorResponseDto } from './common/error-response.dto.js';
import { runMigrationsOnce } from './common/migrate-once.js';
import { addRequestLogging, createRootLogger, requestIdOf } from './common/request-logger.js';
import { addCourseContentCaching } from './common/course-content-responses.js';
import type { AppConfig } from './config/app-config.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './database/embedded-postgres.js';
import { seedDemo, type DemoLogins } from './database/seed/demo-seed.js';
import { ContentImporter } from './curriculum/content-import.service.js';
import { CourseCatalog } from './curriculum/course-catalog.service.js';
import { DatabasePool, databaseSettings } from './database/database-pool.js';

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

  // Fastify, not Express: on these machines the HTTP layer was the largest cost of a cheap authenticated read.
  const adapter = new FastifyAdapter({
    bodyLimit: sizeInBytes(config.bodyLimit),
    // One hop (our reverse proxy), as before: trusting every hop would let a client choose its own IP (throttling).
    trustProxy: config.trustProxy ? (_address: string, hop: number) => hop < 1 : false,
    genReqId: requestIdOf,
    // Node enforces requestTimeout/headersTimeout on a timer whose period is fixed when the server is created, so
    // the server is created here with the limits (slowloris: stalled clients get 408 and are cut off).
    serverFactory: (handler: http.RequestListener) =>
      http.createServer(
        {
          requestTimeout: config.requestTimeoutMs,
          headersTimeout: config.headersTimeoutMs,
          connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(config.headersTimeoutMs / 2))),
          // Fastify's own default (a server of our own would keep Node's 5 s): a phone between two answers, or a
          // load balancer's pooled connection, keeps its socket instead of a new TCP handshake per answer.
          keepAliveTimeout: 72_000,
        },
        handler,
      ),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseSettings(config, databaseUrl)), adapter, {
    logger: options.logger === false ? false : ['error', 'warn', 'log'],
    bodyParser: false, // ours below
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  // A whole course document is large; only the authoring routes that replace one (as JSON, or as its YAML files)
  // accept more than the default.
  fastify.addHook('onRoute', (route) => {
    if (/^\/api\/(?:course-versions\/:[^/]+\/content|courses\/:[^/]+\/import)$/.test(route.url)) route.bodyLimit = 5 * 1024 * 1024;
  });
  // Bodiless POSTs that still say `Content-Type: application/json` (browsers' fetch wrappers do) read as no body, as
  // they did before; everything else goes through Fastify's parser (with its prototype-poisoning protection).
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  // Nesting is limited before parsing: validation (class-transformer) recurses and a 3,000-deep array overflowed it.
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined);
    if (jsonNestsDeeperThan(body as string, MAX_JSON_DEPTH)) return done(Object.assign(new Error('JSON nests too deep'), { code: 'JSON_TOO_DEEP', statusCode: 400 }));
    return parseJson(request, body as string, done);
  });
  addRequestLogging(fastify, rootLogger);
  addCourseContentCaching(fastify);
  // JSON answers get a fixed header set (what OWASP recommends for REST APIs); pages get helmet's full set with CSP.
  // Styles and fonts only from our own files: no <style> elements or style="" attributes in markup (React's style
  // props are set through the CSSOM, which CSP allows), no fonts from elsewhere.
  const directives = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    fontSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: null,
  };
  const pageHeaders = helmet({ contentSecurityPolicy: { directives }, strictTransportSecurity: config.cookieSecure });
  // Swagger UI (development, or API_DOCS=true) styles itself inline; that allowance stays on its own pages.
  const docsHeaders = helmet({
    contentSecurityPolicy: { directives: { ...directives, styleSrc: ["'self'", "'unsafe-inline'"] } },
    strictTransportSecurity: config.cookieSecure,
  });
  const apiHeaders = API_SECURITY_HEADERS(config.cookieSecure);
  const assetHeaders = ASSET_SECURITY_HEADERS(config.cookieSecure);
  fastify.addHook('onRequest', (request, reply, done) => {
    const docs = config.apiDocs && request.url.startsWith('/api/docs');
    if (docs) docsHeaders(request.raw, reply.raw, () => done());
    else if (request.url.startsWith('/api')) {
      reply.headers(apiHeaders);
      done();
    } else if (request.url.startsWith('/assets/')) {
      // The build's scripts and styles: never a document, so a page's policy headers (CSP, framing, …) do nothing
      // here, and on a phone each costs ~0.6 KB per file on every first visit. They must not be sniffed or embedded
      // by other sites. (The page, sw.js — whose CSP binds the worker — and the icons keep the full set.)
      reply.headers(assetHeaders);
      done();
    } else {
      pageHeaders(request.raw, reply.raw, () => done());
    }
  });
  // Only the auth routes read cookies (the refresh token); the plugin parses them only when a Cookie header is sent.
  await app.register(fastifyCookie);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  // TypeORM runs the migrations (on the app's one pool, which it borrows: see DatabaseModule); replicas started
  // together migrate one at a time.
  await runMigrationsOnce(app.get(DataSource));
  if (config.importContent) await app.get(ContentImporter).importDirectory(config.contentDir);
  const demoLogins = config.seedDemo ? await seedDemo(app.get(DatabasePool), config.seedDemo, { catalog: app.get(CourseCatalog) }) : null;

  // The API's map is for developers: off in production unless API_DOCS=true.
  if (config.apiDocs) {
    SwaggerModule.setup('api/docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
  }
  await serveWebApp(app, config.webDistDir);
  // Fastify finishes wiring routes and hooks on ready(): done here so tests (supertest) and listen() see the same app.
  await app.init();
  await fastify.ready();

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

/** "200kb", "1mb", "512" (bytes) → bytes; a typo fails at startup rather than silently allowing any size. */
export function sizeInBytes(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb)?$/i.exec(text.trim());
  if (!match) throw new Error(`BODY_LIMIT must look like 200kb or 1mb, got "${text}"`);
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[(match[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb'];
  return Math.round(Number(match[1]) * unit);
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

/** The built web app is served at `/`; any other GET outside /api gets index.html so client routes work on reload. */
async function serveWebApp(app: NestFastifyApplication, webDistDir: string): Promise<void> {
  const indexHtml = resolve(webDistDir, 'index.html');
  if (!existsSync(indexHtml)) {
    new Logger('Web').warn(`No built web app at ${webDistDir}; run "npm run build:web". Serving the API only.`);
    return;
  }
  const page = readFileSync(indexHtml);
  // Own plugin scope: compression and file serving apply to the web app's files, never to API answers.
  await app.register(async (web: FastifyInstance) => {
    // Phones on slow connections: the files travel gzip-compressed (cached for a year, so compressed rarely).
    await web.register(fastifyCompress, { threshold: 1024, encodings: ['gzip'] });
    await web.register(fastifyStatic, {
      root: webDistDir,
      index: false,
      wildcard: false, // one route per built file; other paths fall through to the page below
      maxAge: '1y',
      immutable: true,
      lastModified: false, // the ETag alone revalidates (hashed names never change anyway)
      setHeaders: (res, path) => {
        // The page, the service worker and the manifest must be revalidated: they name the files of the current build.
        if (path.endsWith('.html') || path.endsWith('/sw.js') || path.endsWith('.webmanifest')) res.header('Cache-Control', 'no-cache');
      },
    });
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  fastify.get('/*', (request, reply) => {
    if (request.url.startsWith('/api')) {
      return reply.status(404).send({ statusCode: 404, code: 'NOT_FOUND', message: `Cannot GET ${request.url.split('?')[0]}` });
    }
    // A missing build file is a 404, never the page: /assets/ answers carry no page policy (CSP) to render under.
    if (request.url.startsWith('/assets/')) return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(page);
  });
}
