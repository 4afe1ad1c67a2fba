import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function createRootLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'respeta-api' },
    // Defence in depth: nothing below logs bodies or headers, but a future log call that does is censored.
    redact: {
      paths: ['*.password', '*.currentPassword', '*.newPassword', '*.accessToken', '*.refreshToken', '*.authorization', '*.cookie'],
      censor: '[redacted]',
    },
  });
}

/** A request id: the caller's X-Request-Id when well-formed, else a new one (Fastify's genReqId). */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * One JSON access-log line per request with its id, echoed back in the response. Only method, path (no query
 * string), status and duration are logged — never headers or bodies, so tokens and passwords cannot reach the log.
 */
export function addRequestLogging(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    if (request.url !== '/api/health' && logger.isLevelEnabled(level)) {
      const ms = reply.elapsedTime;
      logger[level]({ reqId: request.id, method: request.method, path: request.url.split('?')[0], status, ms: Math.round(ms * 10) / 10 }, 'request');
    }
    done();
  });
}
