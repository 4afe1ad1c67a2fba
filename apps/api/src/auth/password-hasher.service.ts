import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AppException } from '../common/app-exception.js';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const OPTIONS = ARGON2_OPTIONS;

/** For scripts outside the request path (seed, CLI), which need no concurrency limit. */
export const hashPassword = (password: string) => argon2.hash(password, ARGON2_OPTIONS);

/**
 * Each hash holds 19 MiB for ~50 ms; a login flood could exhaust memory. At most `concurrency` hashes run at once,
 * up to `queueMax` wait, and beyond that the request is refused with 503 instead of queuing without bound.
 */
@Injectable()
export class PasswordHasher {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private dummyHash?: Promise<string>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return this.limited(() => argon2.hash(password, OPTIONS));
  }

  verify(hash: string, password: string): Promise<boolean> {
    return this.limited(async () => {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    });
  }

  /** Spends the same time as a real verification, so unknown accounts cannot be told apart by timing. */
  async verifyAgainstNothing(password: string): Promise<false> {
    this.dummyHash ??= argon2.hash('respeta-timing-equaliser', OPTIONS);
    await this.verify(await this.dummyHash, password);
    return false;
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.config.hashing.concurrency) {
      if (this.waiting.length >= this.config.hashing.queueMax) {
        throw new AppException(503, 'SERVER_BUSY', 'The server is busy; please try again in a moment.');
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
