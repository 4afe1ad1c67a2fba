import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Admission } from '../common/admission.js';
import { AppException } from '../common/app-exception.js';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const OPTIONS = ARGON2_OPTIONS;

/** For scripts outside the request path (seed, CLI), which need no concurrency limit. */
export const hashPassword = (password: string) => argon2.hash(password, ARGON2_OPTIONS);

/**
 * Each hash holds 19 MiB for ~50 ms; a flood could exhaust memory. At most `concurrency` hashes run at once, up to
 * `queueMax` wait in each of two queues, and beyond that the request is refused with 503 instead of queuing without
 * bound. Verifications (someone signing in) are always served before new hashes (registrations, password changes),
 * so a flood of registrations cannot make sign-ins wait behind it.
 */
@Injectable()
export class PasswordHasher {
  private readonly admission: Admission<Priority>;
  private dummyHash?: Promise<string>;
  /** How many argon2 computations each kind has started (operations and tests read it; it only grows). */
  readonly started: Record<Priority, number> = { verify: 0, hash: 0 };

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.admission = new Admission<Priority>(config.hashing.concurrency, {
      lanes: ['verify', 'hash'],
      queueMax: config.hashing.queueMax,
      busy: () => new AppException(503, 'SERVER_BUSY', 'The server is busy; please try again in a moment.'),
    });
  }

  hash(password: string): Promise<string> {
    return this.limited('hash', () => argon2.hash(password, OPTIONS));
  }

  verify(hash: string, password: string): Promise<boolean> {
    return this.limited('verify', async () => {
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

  private limited<T>(kind: Priority, work: () => Promise<T>): Promise<T> {
    return this.admission.run(() => {
      this.started[kind]++;
      return work();
    }, kind);
  }
}

type Priority = 'verify' | 'hash';
