import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

/** How long a learner's submission may wait for its turn before a 503 (see JourneySubmissions). */
export const SUBMISSION_QUEUE_WAIT_MS_DEFAULT = 10_000;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('data'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).optional(),
  DATABASE_MODE: z.enum(['embedded', 'server']).optional(),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  PSEUDONYM_SECRET: z.string().min(32, 'PSEUDONYM_SECRET must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  LOGIN_LOCK_SECONDS: z.coerce.number().int().min(1).default(900),
  LOGIN_ACCOUNT_GLOBAL_MAX_FAILURES: z.coerce.number().int().min(1).default(50),
  LOGIN_ACCOUNT_BACKOFF_SECONDS: z.coerce.number().int().min(1).default(60),
  REGISTER_IP_MAX: z.coerce.number().int().min(1).default(60),
  REGISTER_CODE_MAX: z.coerce.number().int().min(1).default(300),
  REGISTER_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
  VERIFY_IP_MAX: z.coerce.number().int().min(1).default(60),
  VERIFY_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  API_DOCS: z.enum(['true', 'false']).optional(),
  HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  HASH_QUEUE_MAX: z.coerce.number().int().min(0).default(200),
  SUBMISSION_QUEUE_WAIT_MS: z.coerce.number().int().min(100).max(120_000).default(SUBMISSION_QUEUE_WAIT_MS_DEFAULT),
  BODY_LIMIT: z.string().default('200kb'),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  SEED_DEMO: z.enum(['true', 'false', 'accounts']).optional(),
  WEB_DIST_DIR: z.string().default('apps/web/dist'),
  CONTENT_DIR: z.string().default('libs/curriculum/content/gbv-response'),
  IMPORT_CONTENT: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  PUBLIC_URL: z.string().url().optional(),
  RETENTION_AUTH_ROWS_DAYS: z.coerce.number().int().min(1).max(365).default(1),
  // The database refuses to delete audit entries younger than a year, whatever this says.
  RETENTION_AUDIT_DAYS: z.coerce.number().int().min(365, 'RETENTION_AUDIT_DAYS must be at least 365').max(3650).default(730),
  RETENTION_DELETED_ACCOUNT_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  RETENTION_UNCONSENTED_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
  RETENTION_PROFILE_HISTORY_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, 'SMTP_URL must look like smtp://user:password@host:587 or smtps://…').optional(),
  MAIL_FROM: z.string().min(3).max(200).optional(),
  REMINDER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(900),
  REPORT_THREADS: z.coerce.number().int().min(0).max(16).optional(),
  REPORT_PARALLEL_FROM: z.coerce.number().int().min(1).default(5000),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Unset means: start the embedded PGlite database in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /**
   * `embedded`: PGlite, one session (started here when no DATABASE_URL, or reached at DATABASE_URL, as tests do);
   * `server`: a real PostgreSQL. Said by DATABASE_MODE, else by whether DATABASE_URL is set; never guessed later.
   */
  databaseMode: 'embedded' | 'server';
  /** 1 on the embedded database (it has one session), else DATABASE_POOL_SIZE or 10. */
  databasePoolSize: number;
  jwtSecret: string;
  pseudonymSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  cookieSecure: boolean;
  /**
   * Failed logins: `accountMaxFailures` per account from one IP, `ipMaxFailures` per IP, both locking for
   * `lockSeconds`; past `accountGlobalMaxFailures` from all IPs together, an account gets one attempt per
   * `accountBackoffSeconds` (a slower back-off an outsider cannot turn into a lock-out of its owner).
   */
  login: {
    accountMaxFailures: number; ipMaxFailures: number; windowSeconds: number; lockSeconds: number;
    accountGlobalMaxFailures: number; accountBackoffSeconds: number;
  };
  /** Registrations per client IP and per invite code within `windowSeconds`. */
  registration: { ipMax: number; codeMax: number; windowSeconds: number };
  /** Public certificate verifications per client IP within `windowSeconds`. */
  verification: { ipMax: number; windowSeconds: number };
  /** Serve /api/docs and /api/docs-json (always outside production; in production only with API_DOCS=true). */
  apiDocs: boolean;
  hashing: { concurrency: number; queueMax: number };
  /** How long a learner's submission may wait for its turn (4 × the pool at once) before a 503. */
  submissionQueueWaitMs: number;
  bodyLimit: string;
  /** Slow or stalled clients (slowloris) are cut off: whole request, and headers alone. */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  /** What the demo seed creates on an empty database (false: nothing; always false in production). */
  seedDemo: 'full' | 'accounts' | false;
  webDistDir: string;
  /** The course files imported on start when they changed. */
  contentDir: string;
  importContent: boolean;
  logLevel: string;
  trustProxy: boolean;
  /** Base URL printed on certificates (QR code); unset: taken from the request. */
  publicUrl?: string;
  /**
   * How long the daily jobs keep things, in days (README's retention table): expired sign-in rows, audit entries,
   * what remains of an erased account (its deletion request, a revoked certificate's stub), enrolments that never got
   * a consent and saw no activity, and previous legal names in the profile history.
   */
  retention: { authRowsDays: number; auditDays: number; deletedAccountDays: number; unconsentedDays: number; profileHistoryDays: number };
  /** Reminder e-mails: SMTP transport URL (unset: the job only logs what it would send), sender, and how often it runs (0: never). */
  mail: { smtpUrl?: string; from: string; reminderIntervalSeconds: number };
  /** Reports: worker threads that share a large report's work (REPORT_THREADS), from how many learners (REPORT_PARALLEL_FROM). */
  reportWorkers: { threads: number; parallelFrom: number };
}

export class ConfigError extends Error {}

/** Reads and validates the environment once; a bad value stops the boot with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const dataDir = resolve(e.DATA_DIR);
  if (production && (!e.JWT_SECRET || !e.PSEUDONYM_SECRET)) {
    throw new ConfigError('Invalid configuration: JWT_SECRET and PSEUDONYM_SECRET are required when NODE_ENV=production');
  }
  // Certificates print their verification link: in production it must not come from a client's Host header.
  if (production && !e.PUBLIC_URL) {
    throw new ConfigError('Invalid configuration: PUBLIC_URL is required when NODE_ENV=production (e.g. https://respeta.example.pe)');
  }
  const databaseMode = e.DATABASE_MODE ?? (e.DATABASE_URL ? 'server' : 'embedded');
  if (databaseMode === 'server' && !e.DATABASE_URL) throw new ConfigError('Invalid configuration: DATABASE_MODE=server needs DATABASE_URL');
  // PGlite serves one session: a second pooled connection would interleave protocol messages.
  if (databaseMode === 'embedded' && (e.DATABASE_POOL_SIZE ?? 1) !== 1) {
    throw new ConfigError('Invalid configuration: DATABASE_POOL_SIZE must be 1 on the embedded database (DATABASE_MODE=embedded)');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    databaseMode,
    databasePoolSize: databaseMode === 'embedded' ? 1 : (e.DATABASE_POOL_SIZE ?? 10),
    jwtSecret: e.JWT_SECRET ?? persistedSecret(dataDir, 'jwt-secret'),
    pseudonymSecret: e.PSEUDONYM_SECRET ?? persistedSecret(dataDir, 'pseudonym-secret'),
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : production,
    login: {
      accountMaxFailures: e.LOGIN_ACCOUNT_MAX_FAILURES,
      ipMaxFailures: e.LOGIN_IP_MAX_FAILURES,
      windowSeconds: e.LOGIN_WINDOW_SECONDS,
      lockSeconds: e.LOGIN_LOCK_SECONDS,
      accountGlobalMaxFailures: e.LOGIN_ACCOUNT_GLOBAL_MAX_FAILURES,
      accountBackoffSeconds: e.LOGIN_ACCOUNT_BACKOFF_SECONDS,
    },
    registration: { ipMax: e.REGISTER_IP_MAX, codeMax: e.REGISTER_CODE_MAX, windowSeconds: e.REGISTER_WINDOW_SECONDS },
    verification: { ipMax: e.VERIFY_IP_MAX, windowSeconds: e.VERIFY_WINDOW_SECONDS },
    apiDocs: e.API_DOCS ? e.API_DOCS === 'true' : !production,
    hashing: { concurrency: e.HASH_CONCURRENCY, queueMax: e.HASH_QUEUE_MAX },
    submissionQueueWaitMs: e.SUBMISSION_QUEUE_WAIT_MS,
    bodyLimit: e.BODY_LIMIT,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    headersTimeoutMs: Math.min(e.HEADERS_TIMEOUT_MS, e.REQUEST_TIMEOUT_MS),
    seedDemo: production || e.SEED_DEMO === 'false' ? false : e.SEED_DEMO === 'accounts' ? 'accounts' : 'full',
    webDistDir: resolve(e.WEB_DIST_DIR),
    contentDir: resolve(e.CONTENT_DIR),
    importContent: e.IMPORT_CONTENT === 'true',
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    publicUrl: e.PUBLIC_URL,
    retention: {
      authRowsDays: e.RETENTION_AUTH_ROWS_DAYS,
      auditDays: e.RETENTION_AUDIT_DAYS,
      deletedAccountDays: e.RETENTION_DELETED_ACCOUNT_DAYS,
      unconsentedDays: e.RETENTION_UNCONSENTED_DAYS,
      profileHistoryDays: e.RETENTION_PROFILE_HISTORY_DAYS,
    },
    reportWorkers: {
      // The request's thread takes a share too: one worker per other core, at most three (a report has six
      // measures to split, and the rest of it runs on one thread).
      threads: e.REPORT_THREADS ?? Math.min(3, Math.max(0, availableParallelism() - 1)),
      parallelFrom: e.REPORT_PARALLEL_FROM,
    },
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM ?? `Respeta <no-reply@${e.PUBLIC_URL ? new URL(e.PUBLIC_URL).hostname : 'localhost'}>`,
      reminderIntervalSeconds: e.REMINDER_INTERVAL_SECONDS,
    },
  };
}

/** Outside production a secret is generated once and kept in the data dir, so restarts keep sessions valid. */
function persistedSecret(dataDir: string, name: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = resolve(dataDir, `.${name}`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
