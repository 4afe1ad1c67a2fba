import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mapDatabaseError } from './database-errors.js';
import type { ErrorCode } from './error-codes.js';
import { MAX_JSON_DEPTH } from './json-depth.js';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVER_BUSY',
};

/** Every error leaves as `{ statusCode, code, message }`; nothing internal (stack, SQL) reaches the client. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<FastifyReply>();
    const req = ctx.getRequest<FastifyRequest>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error({ msg: 'request failed', reqId: req.id, path: req.url.split('?')[0], err: describe(exception) });
    }
    if (res.sent) return;
    res.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): { statusCode: number; code: ErrorCode; message: string; details?: unknown } {
    // Fastify's body parser fails with a code and a status before any handler runs (Nest may wrap it as the cause).
    const parserError = ((exception as { cause?: unknown })?.cause ?? exception) as { code?: string; statusCode?: number };
    if (parserError?.code === 'JSON_TOO_DEEP') {
      return { statusCode: 400, code: 'JSON_TOO_DEEP', message: `The request body nests deeper than ${MAX_JSON_DEPTH} levels.` };
    }
    if (parserError?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' };
    }
    if (parserError?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || parserError?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || exception instanceof SyntaxError) {
      return { statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response && 'code' in response) {
        return response as { statusCode: number; code: ErrorCode; message: string };
      }
      const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const message = Array.isArray(raw) ? raw.join('; ') : String(raw ?? exception.message);
      return { statusCode: status, code: STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED'), message };
    }
    if (parserError?.statusCode && parserError.statusCode >= 400 && parserError.statusCode < 500) {
      return { statusCode: parserError.statusCode, code: 'VALIDATION_FAILED', message: 'The request could not be read.' };
    }
    const database = mapDatabaseError(exception);
    if (database) return database;
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side. Please try again.' };
  }
}

function describe(e: unknown): unknown {
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack };
  return e;
}
