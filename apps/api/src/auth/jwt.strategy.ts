import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { jwtKey } from './jwt-key.js';
import { DatabasePool } from '../database/database-pool.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AccessTokenPayload, AuthUser } from './auth-user.js';

/**
 * Accepts only HS256 tokens signed with our secret (so `alg: none` and algorithm swaps fail), then checks in one
 * indexed query that the account is enabled, its token version is current and the session is not revoked — so
 * logout, password change and disabling take effect immediately, not when the token expires.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly reads: DatabasePool,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not a string: jsonwebtoken otherwise re-derives the key (and first tries it as a public key,
      // which throws) on every request — measured as the largest cost of an authenticated read.
      secretOrKey: jwtKey(config.jwtSecret) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<AuthUser | false> {
    if (typeof payload?.sub !== 'string' || typeof payload.sid !== 'string' || typeof payload.ver !== 'number') return false;
    if (!UUID.test(payload.sub) || !UUID.test(payload.sid)) return false;
    const rows = await this.reads.rows<{ role: AuthUser['role']; can_edit_content: boolean; can_evaluate: boolean }>(
      `SELECT u.role, u.can_edit_content, u.can_evaluate FROM users u JOIN auth_sessions s ON s.user_id = u.id
        WHERE u.id = $1 AND s.id = $2 AND u.disabled_at IS NULL AND u.token_version = $3 AND s.revoked_at IS NULL`,
      [payload.sub, payload.sid, payload.ver],
      'auth_session_check_v2',
    );
    if (!rows[0]) return false;
    const { role, can_edit_content, can_evaluate } = rows[0];
    return {
      id: payload.sub, role, sessionId: payload.sid,
      canEditContent: role === 'admin' || can_edit_content, canEvaluate: role === 'admin' || can_evaluate,
    };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
