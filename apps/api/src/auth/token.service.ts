import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DatabasePool, type SqlClient } from '../database/database-pool.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AppException } from '../common/app-exception.js';
import type { UserEntity } from '../users/user.entity.js';
import type { AccessTokenPayload } from './auth-user.js';
import { jwtKey } from './jwt-key.js';

export interface IssuedTokens {
  userId: string;
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** How long a used refresh token may be presented again when the answer to its first use never arrived. */
export const REUSE_GRACE_MS = 30_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Short-lived JWT access tokens plus rotating opaque refresh tokens grouped in session families. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly db: DatabasePool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async startSession(user: Pick<UserEntity, 'id' | 'role' | 'tokenVersion'>, manager: SqlClient = this.db): Promise<IssuedTokens> {
    const [session]: { id: string }[] = await manager.query(`INSERT INTO auth_sessions (user_id) VALUES ($1) RETURNING id`, [user.id]);
    return this.issue(user, session.id, manager);
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already used means it leaked: the whole family is
   * revoked, so a thief and the victim are both logged out — unless its answer was lost on the way (a phone on a weak
   * signal): the same token again within REUSE_GRACE_MS, while the token that answer carried was never used, gets a
   * new pair and the lost token stops working (the "reuse interval" of Auth0, Okta's grace period).
   */
  async rotate(refreshToken: string): Promise<IssuedTokens> {
    // The reuse revocation must commit, so the transaction returns an outcome and the throw happens after it.
    const outcome = await this.db.transaction((manager) => this.rotateWithin(manager, sha256(refreshToken)));
    if (outcome.kind !== 'rotated') throw sessionExpired();
    return outcome.tokens;
  }

  private async rotateWithin(manager: SqlClient, tokenHash: string): Promise<{ kind: 'rotated'; tokens: IssuedTokens } | { kind: 'invalid' | 'reused' }> {
    const [row]: { id: string; session_id: string; used_at: Date | null; created_at: Date; expires_at: Date; revoked_at: Date | null; user_id: string; role: UserEntity['role']; token_version: number; disabled_at: Date | null }[] =
      await manager.query(
        `SELECT t.id, t.session_id, t.used_at, t.created_at, t.expires_at, s.revoked_at, u.id AS user_id, u.role, u.token_version, u.disabled_at
           FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id JOIN users u ON u.id = s.user_id
          WHERE t.token_hash = $1 FOR UPDATE OF t, s`,
        [tokenHash],
      );
    if (!row || row.revoked_at || row.disabled_at || row.expires_at.getTime() <= Date.now()) return { kind: 'invalid' };
    if (row.used_at) {
      // One statement: the successors (tokens issued after this one) that were never used expire; any used one means
      // the family went on without this token, so this is a replay.
      const [retry]: { lost: boolean }[] = await manager.query(
        `WITH later AS (SELECT id, used_at FROM refresh_tokens WHERE session_id = $1 AND created_at >= $2 AND id <> $3 FOR UPDATE),
              expired AS (UPDATE refresh_tokens SET expires_at = now() WHERE id IN (SELECT id FROM later) AND NOT EXISTS (SELECT 1 FROM later WHERE used_at IS NOT NULL))
         SELECT $4::timestamptz > now() - make_interval(secs => $5) AND NOT EXISTS (SELECT 1 FROM later WHERE used_at IS NOT NULL) AS lost`,
        [row.session_id, row.created_at, row.id, row.used_at, REUSE_GRACE_MS / 1000],
      );
      if (!retry?.lost) {
        await manager.query(`UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'refresh_token_reuse' WHERE id = $1`, [row.session_id]);
        return { kind: 'reused' };
      }
      const tokens = await this.issue({ id: row.user_id, role: row.role, tokenVersion: row.token_version }, row.session_id, manager);
      return { kind: 'rotated', tokens };
    }
    await manager.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [row.id]);
    const tokens = await this.issue({ id: row.user_id, role: row.role, tokenVersion: row.token_version }, row.session_id, manager);
    return { kind: 'rotated', tokens };
  }

  async revokeSessionByRefreshToken(refreshToken: string): Promise<void> {
    await this.db.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'logout'
        WHERE revoked_at IS NULL AND id = (SELECT session_id FROM refresh_tokens WHERE token_hash = $1)`,
      [sha256(refreshToken)],
    );
  }

  /**
   * Logout with an access token: only one signed with our key (HS256) counts — its session is revoked even when it
   * has expired, and only together with the account it names. Anything else is ignored (logout always succeeds).
   */
  async revokeSessionOfAccessToken(accessToken: string): Promise<void> {
    let payload: Partial<AccessTokenPayload>;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(accessToken, {
        secret: jwtKey(this.config.jwtSecret) as unknown as string,
        algorithms: ['HS256'],
        ignoreExpiration: true,
      });
    } catch {
      return;
    }
    if (typeof payload.sid !== 'string' || typeof payload.sub !== 'string' || !UUID.test(payload.sid) || !UUID.test(payload.sub)) return;
    await this.db.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'logout' WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [payload.sid, payload.sub],
    );
  }

  async revokeAllSessions(userId: string, reason: string, manager: SqlClient = this.db): Promise<void> {
    await manager.query(`UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`, [userId, reason]);
  }

  private async issue(user: Pick<UserEntity, 'id' | 'role' | 'tokenVersion'>, sessionId: string, manager: SqlClient): Promise<IssuedTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000);
    await manager.query(`INSERT INTO refresh_tokens (session_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [sessionId, sha256(refreshToken), refreshExpiresAt]);
    const payload: AccessTokenPayload = { sub: user.id, sid: sessionId, role: user.role, ver: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(payload, {
      secret: jwtKey(this.config.jwtSecret) as unknown as string,
      algorithm: 'HS256',
      expiresIn: this.config.accessTokenTtlSeconds,
    });
    return { userId: user.id, accessToken, expiresIn: this.config.accessTokenTtlSeconds, refreshToken, refreshExpiresAt };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const sessionExpired = () => new AppException(401, 'SESSION_EXPIRED', 'Your session has ended. Please sign in again.');
