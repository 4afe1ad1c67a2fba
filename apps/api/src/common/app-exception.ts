import { HttpException } from '@nestjs/common';
import type { ErrorCode } from './error-codes.js';

/** The one way services signal an expected failure: an HTTP status, a stable code and a sentence for people. */
export class AppException extends HttpException {
  constructor(
    status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super({ statusCode: status, code, message, ...(details === undefined ? {} : { details }) }, status);
  }
}

export const notFound = (what = 'Resource') => new AppException(404, 'NOT_FOUND', `${what} not found.`);
