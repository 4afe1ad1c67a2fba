import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppException } from '../common/app-exception.js';
import { UserEntity } from '../users/user.entity.js';
import { toUserDto, type UserDto } from '../users/user.mapper.js';
import type { RegisterDto } from './auth.dto.js';
import type { AuthUser } from './auth-user.js';
import { LoginThrottle } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.service.js';
import { checkPassword } from './password-policy.js';
import { type IssuedTokens, TokenService } from './token.service.js';

export interface SignedIn {
  tokens: IssuedTokens;
  user: UserDto;
}

const invalidCredentials = () => new AppException(401, 'INVALID_CREDENTIALS', 'The e-mail or password is not correct.');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly tokens: TokenService,
  ) {}

  /**
   * The single place a password is checked (login and password change both come here), so throttling is the same on
   * every path. Unknown account, wrong password, disabled account and locked account all answer identically.
   */
  async verifyCredentials(email: string, password: string, ip: string): Promise<UserEntity> {
    const normalised = email.trim().toLowerCase();
    if (await this.throttle.isLocked(normalised, ip)) throw invalidCredentials();
    const user = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normalised })
      .getOne();
    const ok = user ? await this.hasher.verify(user.passwordHash, password) : await this.hasher.verifyAgainstNothing(password);
    if (!ok || !user || user.disabledAt) {
      await this.throttle.recordFailure(normalised, ip);
      throw invalidCredentials();
    }
    await this.throttle.recordSuccess(normalised);
    return user;
  }

  async signIn(user: UserEntity): Promise<SignedIn> {
    return { tokens: await this.tokens.startSession(user), user: toUserDto(user) };
  }

  /** Learners join only through a cohort's invite code; user, enrolment and code use commit together or not at all. */
  async register(dto: RegisterDto): Promise<SignedIn> {
    const weak = checkPassword(dto.password, dto.email);
    if (weak) throw new AppException(400, weak.code, weak.message);
    const passwordHash = await this.hasher.hash(dto.password);
    return this.db.transaction(async (manager) => {
      const [code]: { id: string; cohort_id: string; expires_at: Date | null; max_uses: number | null; uses: number; revoked_at: Date | null }[] =
        await manager.query(`SELECT id, cohort_id, expires_at, max_uses, uses, revoked_at FROM invite_codes WHERE code = $1 FOR UPDATE`, [dto.inviteCode]);
      if (!code || code.revoked_at) throw new AppException(400, 'INVITE_CODE_INVALID', 'inviteCode: this invite code does not exist. Check it with your trainer.');
      if (code.expires_at && code.expires_at.getTime() <= Date.now()) throw new AppException(400, 'INVITE_CODE_EXPIRED', 'inviteCode: this invite code has expired. Ask your trainer for a new one.');
      if (code.max_uses !== null && code.uses >= code.max_uses) throw new AppException(400, 'INVITE_CODE_EXHAUSTED', 'inviteCode: this invite code has been used up. Ask your trainer for a new one.');
      const [existing] = await manager.query(`SELECT 1 FROM users WHERE email = $1`, [dto.email]);
      if (existing) throw new AppException(409, 'EMAIL_TAKEN', 'email: an account with this e-mail already exists. Sign in instead.');
      const user = manager.getRepository(UserEntity).create({
        email: dto.email,
        displayName: dto.displayName,
        passwordHash,
        role: 'learner',
        locale: dto.locale ?? 'es',
        positionType: dto.positionType,
        region: dto.region,
        institution: dto.institution ?? null,
        disabledAt: null,
        tokenVersion: 0,
      });
      await manager.getRepository(UserEntity).insert(user);
      // The enrolment pins the course version it will be taken on: the cohort's, else the latest published one.
      await manager.query(
        `INSERT INTO enrolments (cohort_id, user_id, course_version_id)
         SELECT $1, $2, coalesce(c.course_version_id,
           (SELECT id FROM course_versions WHERE status = 'published' ORDER BY published_at DESC, version DESC LIMIT 1))
         FROM cohorts c WHERE c.id = $1`,
        [code.cohort_id, user.id],
      );
      await manager.query(`UPDATE invite_codes SET uses = uses + 1 WHERE id = $1`, [code.id]);
      const saved = await manager.getRepository(UserEntity).findOneByOrFail({ id: user.id });
      return { tokens: await this.tokens.startSession(saved, manager), user: toUserDto(saved) };
    }).catch((error: unknown) => {
      // Two registrations racing for one e-mail: the unique index decides, the loser gets the same clear answer.
      if ((error as { code?: string }).code === '23505') throw new AppException(409, 'EMAIL_TAKEN', 'email: an account with this e-mail already exists. Sign in instead.');
      throw error;
    });
  }

  refresh(refreshToken: string | undefined): Promise<IssuedTokens> {
    if (!refreshToken) throw new AppException(401, 'SESSION_EXPIRED', 'Your session has ended. Please sign in again.');
    return this.tokens.rotate(refreshToken);
  }

  async logout(actor: AuthUser | undefined, refreshToken: string | undefined): Promise<void> {
    if (actor) await this.tokens.revokeSession(actor.sessionId, 'logout');
    if (refreshToken) await this.tokens.revokeSessionByRefreshToken(refreshToken);
  }

  /** Needs the current password (throttled like a login); afterwards every session of the account is revoked. */
  async changePassword(actor: AuthUser, currentPassword: string, newPassword: string, ip: string): Promise<void> {
    const user = await this.db.getRepository(UserEntity).findOneByOrFail({ id: actor.id });
    await this.verifyCredentials(user.email, currentPassword, ip);
    const weak = checkPassword(newPassword, user.email);
    if (weak) throw new AppException(400, weak.code, weak.message.replace('password:', 'newPassword:'));
    const passwordHash = await this.hasher.hash(newPassword);
    await this.db.transaction(async (manager) => {
      await manager.query(`UPDATE users SET password_hash = $2, token_version = token_version + 1, updated_at = now() WHERE id = $1`, [user.id, passwordHash]);
      await this.tokens.revokeAllSessions(user.id, 'password_changed', manager);
    });
  }
}
