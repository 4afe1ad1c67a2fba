import { REJECTION_CODES } from '#journey';

/** Stable, machine-readable error codes. The web app translates them; never rename one that has shipped. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'JSON_TOO_DEEP',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'ORIGIN_NOT_ALLOWED',
  'CONTENT_EDITOR_REQUIRED',
  'NOT_FOUND',
  'EMAIL_TAKEN',
  'INVITE_CODE_INVALID',
  'INVITE_CODE_EXPIRED',
  'INVITE_CODE_EXHAUSTED',
  'INVITE_CODE_LIMIT',
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_TOO_COMMON',
  'PASSWORD_SAME_AS_EMAIL',
  'CONFLICT',
  'VERSION_PUBLISHED',
  'DRAFT_INVALID',
  'CONTENT_UNAVAILABLE',
  'IDEMPOTENCY_KEY_REUSED',
  'ENROLMENT_CLOSED',
  'SCENARIO_STEP_MISMATCH',
  // Journey rejections (the machine said no): libs/journey owns the list, so the API and the web share it.
  ...REJECTION_CODES,
  'TOO_MANY_REQUESTS',
  'SERVER_BUSY',
  'DATABASE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
