import type { IncomingMessage } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { Strategy } from 'passport-strategy';
import type { AccessTokenPayload } from './auth-user.js';

/**
 * Access tokens, each verified once: HS256 with our key only (so `alg: none` and algorithm swaps fail), signature and
 * expiry checked by jsonwebtoken; a token that passed is remembered until its expiry. A phone sends the same token
 * with every answer, and verifying it again (base64, two JSON parses, HMAC) was ~5 % of an exam submission's API time.
 * A remembered token is refused from its expiry on, as jsonwebtoken would refuse it.
 */
export class VerifiedTokens {
  private readonly jwt = new JwtService();
  private readonly verified = new Map<string, { payload: AccessTokenPayload; expiresAtMs: number }>();

  constructor(
    private readonly key: KeyObject,
    private readonly now: () => number = Date.now,
    private readonly capacity = 20_000,
  ) {}

  /** The token's payload when it is ours and not expired, else null. */
  payload(token: string): AccessTokenPayload | null {
    const known = this.verified.get(token);
    if (known) {
      if (this.now() < known.expiresAtMs) return known.payload;
      this.verified.delete(token);
      return null;
    }
    let payload: AccessTokenPayload;
    try {
      payload = this.jwt.verify<AccessTokenPayload>(token, { secret: this.key as unknown as string, algorithms: ['HS256'], clockTimestamp: Math.floor(this.now() / 1000) });
    } catch {
      return null;
    }
    // Only a token that ends is remembered (ours always carry `exp`); the payload is shared, so it is frozen.
    const exp = (payload as { exp?: unknown }).exp;
    if (typeof exp === 'number') {
      // Bounded: more live tokens than this at once is beyond one process; starting over costs one verification each.
      if (this.verified.size >= this.capacity) this.verified.clear();
      this.verified.set(token, { payload: Object.freeze(payload), expiresAtMs: exp * 1000 });
    }
    return payload;
  }
}

/** `Authorization: Bearer <token>`'s token, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = header ? /^\s*bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1] : null;
}

type Verified = (error: unknown, user?: unknown, info?: unknown) => void;

/**
 * A passport strategy for our access tokens: the token from the Authorization header, checked by VerifiedTokens, then
 * handed to `verify` (the Nest strategy's validate). Any failure is a plain `fail()`: the guard answers 401.
 */
export class BearerTokenStrategy extends Strategy {
  constructor(
    private readonly tokens: VerifiedTokens,
    private readonly verify: (payload: AccessTokenPayload, done: Verified) => void,
  ) {
    super();
  }

  authenticate(req: IncomingMessage): void {
    const token = bearerToken(req.headers.authorization);
    const payload = token === null ? null : this.tokens.payload(token);
    if (!payload) return this.fail(401);
    this.verify(payload, (error, user, info) => {
      if (error) this.error(error as Error);
      else if (!user) this.fail(401);
      else this.success(user, info);
    });
  }
}
