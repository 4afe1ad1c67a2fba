import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { jwtKey } from './jwt-key.js';
import { DatabasePool } from '../database/database-pool.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AccessTokenPayload, AuthUser } from './auth-user.js';
import { ROLES } from '../users/user.entity.js';
import { BearerTokenStrategy, VerifiedTokens } from './bearer-token.strategy.js';

/**
 * The tokens both strategies verify, remembered once verified (see VerifiedTokens). A KeyObject, not a string:
 * jsonwebtoken otherwise re-derives the key (and first tries it as a public key, which throws) on every verification.
 */
export const verifiedTokensProvider = {
  provide: VerifiedTokens,
  useFactory: (config: AppConfig) => new VerifiedTokens(jwtKey(config.jwtSecret)),
  inject: [APP_CONFIG],
};

/** The payload's fields, well formed (signed by us, but checked before they reach SQL), or null. */
function wellFormed(payload: AccessTokenPayload): AccessTokenPayload | null {
  if (typeof payload?.sub !== 'string' || typeof payload.sid !== 'string' || !Number.isInteger(payload.ver)) return null;
  if (!UUID.test(payload.sub) || !UUID.test(payload.sid) || !(ROLES as readonly string[]).includes(payload.role)) return null;
  return payload;
}

/**
 * Accepts only HS256 tokens signed with our secret (so `alg: none` and algorithm swaps fail), then checks in one
 * indexed query that the account is enabled, its token version is current and the session is not revoked — so
 * logout, password change and disabling take effect immediately, not when the token expires.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(BearerTokenStrategy, 'jwt') {
  constructor(
    tokens: VerifiedTokens,
    private readonly reads: DatabasePool,
  ) {
    super(tokens);
  }

  async validate(raw: AccessTokenPayload): Promise<AuthUser | false> {
    const payload = wellFormed(raw);
    if (!payload) return false;
    const rows = await this.reads.rows<{ role: AuthUser['role']; can_edit_content: boolean; can_evaluate: boolean }>(
      `SELECT u.role, u.can_edit_content, u.can_evaluate FROM users u JOIN auth_sessions s ON s.user_id = u.id
        WHERE u.id = $1 AND s.id = $2 AND u.disabled_at IS NULL AND u.token_version = $3 AND s.revoked_at IS NULL`,
      [payload.sub, payload.sid, payload.ver],
      'auth_session_check_v2',
    );
    if (!rows[0]) return false;
    const { role, can_edit_content, can_evaluate } = rows[0];
    return {
      id: payload.sub, role, sessionId: payload.sid, tokenVersion: payload.ver, sessionChecked: true,
      canEditContent: role === 'admin' || can_edit_content, canEvaluate: role === 'admin' || can_evaluate,
    };
  }
}

/**
 * The token alone, for routes marked @SessionCheckedWithWrite: the session, account and role are checked by the
 * route's transaction (JourneySubmissions' lock) in its first statement. Learner routes only: no permissions.
 */
@Injectable()
export class TokenOnlyStrategy extends PassportStrategy(BearerTokenStrategy, 'jwt-deferred') {
  constructor(tokens: VerifiedTokens) {
    super(tokens);
  }

  validate(raw: AccessTokenPayload): AuthUser | false {
    const payload = wellFormed(raw);
    if (!payload) return false;
    return {
      id: payload.sub, role: payload.role, sessionId: payload.sid, tokenVersion: payload.ver, sessionChecked: false,
      canEditContent: false, canEvaluate: false,
    };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
