import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
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

/**
 * One JSON access-log line per request with a request id (the caller's X-Request-Id when well-formed, else a new
 * one), echoed back in the response. Only method, path (no query string), status and duration are logged — never
 * headers or bodies, so tokens and passwords cannot reach the log.
 */
export function createRequestLogger(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    (req as Request & { id: string }).id = id;
    res.setHeader('X-Request-Id', id);
    if (req.path === '/api/health') return next();
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const status = res.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger[level]({ reqId: id, method: req.method, path: req.originalUrl.split('?')[0], status, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}
