import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CertificateIssuer } from '../certificates/certificate-issuer.service.js';
import { AppException, notFound } from '../common/app-exception.js';
import { DatabasePool } from '../database/database-pool.js';
import { PasswordHasher } from '../auth/password-hasher.service.js';
import { checkPassword } from '../auth/password-policy.js';
import { TokenService } from '../auth/token.service.js';
import { UserEntity } from './user.entity.js';
import { insertUser } from './insert-user.js';
import { toUserDto, type UserDto } from './user.mapper.js';
import type { CreateStaffDto, UpdateProfileDto } from './users.dto.js';

/** Profile fields whose changes are recorded (profile_changes): who, when, which field. */
const RECORDED_FIELDS = [
  ['displayName', 'display_name'], ['legalName', 'legal_name'], ['positionType', 'position_type'], ['institution', 'institution'], ['region', 'region'],
] as const;

/** The permissions an administrator grants a trainer: their column, their name in messages, their audit action. */
const TRAINER_PERMISSIONS = {
  contentEditor: { column: 'can_edit_content', name: 'content-editor', audit: 'account.content_editor' },
  evaluator: { column: 'can_evaluate', name: 'evaluator', audit: 'account.evaluator' },
} as const;

@Injectable()
export class UsersService {
  constructor(
    /** TypeORM serves the users entity (reads); every write goes through the pool. */
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly pool: DatabasePool,
    private readonly certificates: CertificateIssuer,
    private readonly audit: AuditLog,
  ) {}

  async getProfile(userId: string): Promise<UserDto> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw notFound('User');
    return toUserDto(user);
  }

  /**
   * Changes the person's own profile in one transaction: each changed field is recorded (who, when, which); the old
   * value is kept only for the legal name, the one certificates were issued under. When the name a certificate prints
   * changes, the person's certificates follow, so the next PDF and the public verification show the corrected name.
   */
  async updateProfile(actor: Pick<AuthUser, 'id'>, userId: string, dto: UpdateProfileDto): Promise<UserDto> {
    if (dto.displayName === null || dto.locale === null) throw new AppException(400, 'VALIDATION_FAILED', 'displayName and locale cannot be removed.');
    await this.pool.transaction(async (m) => {
      const [current] = await m.query(`SELECT display_name, legal_name, position_type, institution, region FROM users WHERE id = $1 FOR UPDATE`, [userId]);
      if (!current) throw notFound('User');
      const changed = RECORDED_FIELDS.filter(([field, column]) => dto[field] !== undefined && (dto[field] ?? null) !== current[column]);
      const sets = [...changed.map(([field, column]) => [column, dto[field] ?? null] as const), ...(dto.locale ? [['locale', dto.locale] as const] : [])];
      if (sets.length === 0) return;
      await m.query(`UPDATE users SET ${sets.map(([column], i) => `${column} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [userId, ...sets.map(([, v]) => v)]);
      if (changed.length === 0) return;
      await m.query(
        `INSERT INTO profile_changes (user_id, changed_by, field, old_value) SELECT $1, $2, f, o FROM unnest($3::text[], $4::text[]) AS x(f, o)`,
        [userId, actor.id, changed.map(([, column]) => column), changed.map(([, column]) => (column === 'legal_name' ? current.legal_name : null))],
      );
      const printed = (row: { legal_name: string | null; display_name: string }) => row.legal_name ?? row.display_name;
      const after = printed({ legal_name: dto.legalName === undefined ? current.legal_name : dto.legalName, display_name: dto.displayName ?? current.display_name });
      if (after !== printed(current)) await this.certificates.renameHolder(m, userId, after);
    });
    return this.getProfile(userId);
  }

  async list(actor: AuthUser): Promise<UserDto[]> {
    await this.audit.record({ actor, action: 'accounts.list' });
    const users = await this.db.getRepository(UserEntity).find({ order: { createdAt: 'ASC' }, take: 1000 });
    return users.map(toUserDto);
  }

  /** Trainers and admins are created by an admin (or the CLI for the first admin); learners come via invite codes. */
  async createStaff(actor: AuthUser, dto: CreateStaffDto): Promise<UserDto> {
    const weak = checkPassword(dto.password, dto.email);
    if (weak) throw new AppException(400, weak.code, weak.message);
    const passwordHash = await this.hasher.hash(dto.password);
    let userId: string;
    try {
      userId = await this.pool.transaction(async (m) => {
        const id = await insertUser(m, {
          email: dto.email, displayName: dto.displayName, passwordHash, role: dto.role, locale: dto.locale ?? 'es',
          positionType: dto.positionType ?? null, region: dto.region ?? null, institution: dto.institution ?? null,
        });
        await this.audit.record({ actor, action: 'account.create', subjectId: id, details: { role: dto.role } }, m);
        return id;
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new AppException(409, 'EMAIL_TAKEN', 'email: an account with this e-mail already exists.');
      throw error;
    }
    return this.getProfile(userId);
  }

  /** Grants or withdraws the content-editor permission; only trainers hold it (admins may by their role). */
  setContentEditor(actor: AuthUser, userId: string, granted: boolean): Promise<UserDto> {
    return this.setTrainerPermission(actor, userId, granted, TRAINER_PERMISSIONS.contentEditor);
  }

  /** Grants or withdraws the evaluator permission (studies); only trainers hold it (admins may by their role). */
  setEvaluator(actor: AuthUser, userId: string, granted: boolean): Promise<UserDto> {
    return this.setTrainerPermission(actor, userId, granted, TRAINER_PERMISSIONS.evaluator);
  }

  private async setTrainerPermission(
    actor: AuthUser, userId: string, granted: boolean, { column, name, audit }: (typeof TRAINER_PERMISSIONS)[keyof typeof TRAINER_PERMISSIONS],
  ): Promise<UserDto> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw notFound('User');
    if (user.role !== 'trainer') throw new AppException(409, 'CONFLICT', `Only trainers are granted the ${name} permission; administrators hold it already.`);
    await this.pool.transaction(async (m) => {
      await m.query(`UPDATE users SET ${column} = $2, updated_at = now() WHERE id = $1`, [userId, granted]);
      await this.audit.record({ actor, action: `${audit}.${granted ? 'grant' : 'revoke'}`, subjectId: userId }, m);
    });
    return this.getProfile(userId);
  }

  /** Disabling revokes every session at once (token version bump + session revocation). */
  async setDisabled(actor: AuthUser, userId: string, disabled: boolean): Promise<UserDto> {
    if (actor.id === userId && disabled) throw new AppException(409, 'CONFLICT', 'You cannot disable your own account.');
    await this.pool.transaction(async (manager) => {
      const updated = await manager.query(
        `UPDATE users SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) ELSE NULL END,
                          token_version = token_version + CASE WHEN $2 THEN 1 ELSE 0 END, updated_at = now()
          WHERE id = $1 RETURNING id`,
        [userId, disabled],
      );
      if (updated.length === 0) throw notFound('User');
      if (disabled) await this.tokens.revokeAllSessions(userId, 'account_disabled', manager);
      await this.audit.record({ actor, action: disabled ? 'account.disable' : 'account.enable', subjectId: userId }, manager);
    });
    return this.getProfile(userId);
  }
}
