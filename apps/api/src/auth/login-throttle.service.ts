import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RateLimiter, type RateRule } from '../common/rate-limiter.service.js';

/**
 * Password guesses, limited in the database (shared by every replica). Every attempt takes its slot *before* the
 * password is checked — concurrent guesses cannot all slip past a check made earlier — and a correct password gives
 * the slot back. Three counters:
 * - per client IP (`ipMaxFailures`): a sprayer trying many accounts;
 * - per account *and* IP (`accountMaxFailures`, locking for `lockSeconds`): a guesser, locked out on their own
 *   address only, so nobody can lock the owner out by failing on purpose from elsewhere;
 * - per account from all IPs (`accountGlobalMaxFailures`), after which the account gets one attempt per
 *   `accountBackoffSeconds`: guessing from many addresses slows to a crawl, and the owner still gets through.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** False: too many attempts; the password must not be checked. */
  reserve(email: string, ip: string): Promise<boolean> {
    return this.limiter.take(this.rules(email, ip));
  }

  /** A correct password: the account+IP counter is cleared, the IP and global counters get their slot back. */
  async succeeded(email: string, ip: string): Promise<void> {
    const [ipRule, accountIpRule, accountRule] = this.rules(email, ip);
    await this.limiter.forget([accountIpRule.key]);
    await this.limiter.giveBack([ipRule, accountRule]);
  }

  private rules(email: string, ip: string): [RateRule, RateRule, RateRule] {
    const { windowSeconds, lockSeconds, accountMaxFailures, ipMaxFailures, accountGlobalMaxFailures, accountBackoffSeconds } = this.config.login;
    const account = email.trim().toLowerCase();
    return [
      { key: `ip:${ip}`, max: ipMaxFailures, windowSeconds, lockSeconds },
      { key: `account-ip:${account}|${ip}`, max: accountMaxFailures, windowSeconds, lockSeconds },
      { key: `account:${account}`, max: accountGlobalMaxFailures, windowSeconds, lockSeconds: accountBackoffSeconds, afterLock: 'one-at-a-time' },
    ];
  }
}
