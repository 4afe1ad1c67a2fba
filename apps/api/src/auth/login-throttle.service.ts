import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * Counts failed password checks per account and per client IP in the database (so every API replica shares them).
 * Too many failures inside the window lock the key for `lockSeconds`; the lock then ends by itself.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async isLocked(email: string, ip: string): Promise<boolean> {
    const rows: { locked: boolean }[] = await this.db.query(
      `SELECT 1 AS locked FROM login_throttle WHERE key = ANY($1) AND locked_until > now() LIMIT 1`,
      [[accountKey(email), ipKey(ip)]],
    );
    return rows.length > 0;
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const { windowSeconds, lockSeconds, accountMaxFailures, ipMaxFailures } = this.config.login;
    for (const [key, max] of [[accountKey(email), accountMaxFailures], [ipKey(ip), ipMaxFailures]] as const) {
      // One atomic upsert: a new window starts when the old one has passed; reaching `max` sets the lock.
      await this.db.query(
        `INSERT INTO login_throttle AS t (key, failures, window_started_at, locked_until)
           VALUES ($1, 1, now(), CASE WHEN 1 >= $2 THEN now() + make_interval(secs => $4) END)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN t.window_started_at < now() - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END,
           window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => $3) THEN now() ELSE t.window_started_at END,
           locked_until = CASE
             WHEN (CASE WHEN t.window_started_at < now() - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END) >= $2
             THEN now() + make_interval(secs => $4) ELSE t.locked_until END`,
        [key, max, windowSeconds, lockSeconds],
      );
    }
  }

  /** A correct password clears the account's counter (not the IP's: one good login must not unlock a sprayer). */
  async recordSuccess(email: string): Promise<void> {
    await this.db.query(`DELETE FROM login_throttle WHERE key = $1`, [accountKey(email)]);
  }
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;
