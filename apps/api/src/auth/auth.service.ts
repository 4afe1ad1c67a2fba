import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppException } from '../common/app-exception.js';
import { RateLimiter } from '../common/rate-limiter.service.js';
import { DatabasePool, type SqlClient } from '../database/database-pool.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { UserEntity } from '../users/user.entity.js';
import { insertUser } from '../users/insert-user.js';
import { toUserDto, type UserDto } from '../users/user.mapper.js';
import type { RegisterDto, RegistrationAcceptedDto } from './auth.dto.js';
import type { AuthUser } from './auth-user.js';
import { LoginThrottle } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.service.js';
import { checkPassword } from './password-policy.js';
import { type IssuedTokens, TokenService } from './token.service.js';

export interface SignedIn {
  tokens: IssuedTokens;
  user: UserDto;
}

type Manager = SqlClient;
interface InviteCodeRow { id: string; cohort_id: string; expires_at: Date | null; max_uses: number | null; uses: number; revoked_at: Date | null }

const ACCEPTED: RegistrationAcceptedDto = { status: 'accepted' };
const tooManyRegistrations = () => new AppException(429, 'TOO_MANY_REQUESTS', 'Too many registrations from here or with this code; please try again later.');
const invalidCredentials = () => new AppException(401, 'INVALID_CREDENTIALS', 'The e-mail or password is not correct.');

@Injectable()
export class AuthService {
  constructor(
    /** TypeORM serves the users entity (reads); every write goes through the pool. */
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly tokens: TokenService,
    private readonly limiter: RateLimiter,
    private readonly pool: DatabasePool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The single place a password is checked (login and password change both come here), so throttling is the same on
   * every path. Unknown account, wrong password, disabled account and locked account all answer identically.
   * The attempt takes its throttle slot before anything else, so concurrent guesses cannot outrun the limits.
   */
  async verifyCredentials(email: string, password: string, ip: string): Promise<UserEntity> {
    const normalised = email.trim().toLowerCase();
    if (!(await this.throttle.reserve(normalised, ip))) throw invalidCredentials();
    const user = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normalised })
      .getOne();
    const ok = user ? await this.hasher.verify(user.passwordHash, password) : await this.hasher.verifyAgainstNothing(password);
    if (!ok || !user || user.disabledAt) throw invalidCredentials();
    await this.throttle.succeeded(normalised, ip);
    return user;
  }

  async signIn(user: UserEntity): Promise<SignedIn> {
    return { tokens: await this.tokens.startSession(user), user: toUserDto(user) };
  }

  /**
   * Learners join only through a cohort's invite code; user, enrolment and code use commit together or not at all.
   * Limited per client IP and per code (in the database, shared by replicas); the code is checked before any
   * hashing, so made-up codes never reach argon2. A new e-mail and one that already has an account get the same
   * answer after the same work (a hash): registration does not reveal who has an account. The web then signs in
   * with the credentials just typed; for an existing account that works only with its own password.
   */
  async register(dto: RegisterDto, ip: string): Promise<RegistrationAcceptedDto> {
    const { ipMax, codeMax, windowSeconds } = this.config.registration;
    const limit = (key: string, max: number) => this.limiter.take([{ key, max, windowSeconds, lockSeconds: windowSeconds }]);
    if (!(await limit(`register-ip:${ip}`, ipMax))) throw tooManyRegistrations();
    const weak = checkPassword(dto.password, dto.email);
    if (weak) throw new AppException(400, weak.code, weak.message);
    await this.usableInviteCode({ query: (text, params) => this.pool.rows(text, params ?? [], 'invite_code_check') }, dto.inviteCode, false);
    // Guessing codes is bounded per IP above; a real code is bounded here (a leaked code cannot mint accounts en masse).
    if (!(await limit(`register-code:${dto.inviteCode}`, codeMax))) throw tooManyRegistrations();
    const passwordHash = await this.hasher.hash(dto.password);
    await this.pool.transaction(async (manager) => {
      const code = await this.usableInviteCode(manager, dto.inviteCode, true);
      const [existing] = await manager.query(`SELECT 1 FROM users WHERE email = $1`, [dto.email]);
      if (existing) return; // same answer as a new account; nothing is changed on the existing one
      const userId = await insertUser(manager, {
        email: dto.email,
        displayName: dto.displayName,
        passwordHash,
        role: 'learner',
        locale: dto.locale ?? 'es',
        positionType: dto.positionType,
        region: dto.region,
        institution: dto.institution ?? null,
      });
      // The enrolment pins the course version it will be taken on: the cohort's, else the latest published one.
      await manager.query(
        `INSERT INTO enrolments (cohort_id, user_id, course_version_id)
         SELECT $1, $2, coalesce(c.course_version_id,
           (SELECT id FROM course_versions WHERE status = 'published' ORDER BY published_at DESC, version DESC LIMIT 1))
         FROM cohorts c WHERE c.id = $1`,
        [code.cohort_id, userId],
      );
      await manager.query(`UPDATE invite_codes SET uses = uses + 1 WHERE id = $1`, [code.id]);
    }).catch((error: unknown) => {
      // Two registrations racing for one e-mail: the unique index decides, and the loser gets the same answer.
      if ((error as { code?: string }).code !== '23505') throw error;
    });
    return ACCEPTED;
  }

  /** The code's row (locked when `lock`), or the reason it cannot be used. */
  private async usableInviteCode(manager: Manager, inviteCode: string, lock: boolean): Promise<InviteCodeRow> {
    const [code]: InviteCodeRow[] = await manager.query(
      `SELECT id, cohort_id, expires_at, max_uses, uses, revoked_at FROM invite_codes WHERE code = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [inviteCode],
    );
    if (!code || code.revoked_at) throw new AppException(400, 'INVITE_CODE_INVALID', 'inviteCode: this invite code does not exist. Check it with your trainer.');
    if (code.expires_at && code.expires_at.getTime() <= Date.now()) throw new AppException(400, 'INVITE_CODE_EXPIRED', 'inviteCode: this invite code has expired. Ask your trainer for a new one.');
    if (code.max_uses !== null && code.uses >= code.max_uses) throw new AppException(400, 'INVITE_CODE_EXHAUSTED', 'inviteCode: this invite code has been used up. Ask your trainer for a new one.');
    return code;
  }

  refresh(refreshToken: string | undefined): Promise<IssuedTokens> {
    if (!refreshToken) throw new AppException(401, 'SESSION_EXPIRED', 'Your session has ended. Please sign in again.');
    return this.tokens.rotate(refreshToken);
  }

  /**
   * Logout is public (an expired access token must not stop it), so no guard has read the access token: the session
   * of a presented, correctly signed one is revoked here, as well as the family of the refresh cookie.
   */
  async logout(authorization: string | undefined, refreshToken: string | undefined): Promise<void> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (bearer) await this.tokens.revokeSessionOfAccessToken(bearer);
    if (refreshToken) await this.tokens.revokeSessionByRefreshToken(refreshToken);
  }

  /** Needs the current password (throttled like a login); afterwards every session of the account is revoked. */
  async changePassword(actor: AuthUser, currentPassword: string, newPassword: string, ip: string): Promise<void> {
    const user = await this.db.getRepository(UserEntity).findOneByOrFail({ id: actor.id });
    await this.verifyCredentials(user.email, currentPassword, ip);
    const weak = checkPassword(newPassword, user.email);
    if (weak) throw new AppException(400, weak.code, weak.message.replace('password:', 'newPassword:'));
    const passwordHash = await this.hasher.hash(newPassword);
    await this.pool.transaction(async (manager) => {
      await manager.query(`UPDATE users SET password_hash = $2, token_version = token_version + 1, updated_at = now() WHERE id = $1`, [user.id, passwordHash]);
      await this.tokens.revokeAllSessions(user.id, 'password_changed', manager);
    });
  }
}
