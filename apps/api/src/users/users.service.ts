import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppException, notFound } from '../common/app-exception.js';
import { PasswordHasher } from '../auth/password-hasher.service.js';
import { checkPassword } from '../auth/password-policy.js';
import { TokenService } from '../auth/token.service.js';
import { UserEntity } from './user.entity.js';
import { toUserDto, type UserDto } from './user.mapper.js';
import type { CreateStaffDto, UpdateProfileDto } from './users.dto.js';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
  ) {}

  async getProfile(userId: string): Promise<UserDto> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw notFound('User');
    return toUserDto(user);
  }

  async updateProfile(userId: string, dto: UpdateProfileDto): Promise<UserDto> {
    await this.db.getRepository(UserEntity).update({ id: userId }, { ...dto });
    return this.getProfile(userId);
  }

  async list(): Promise<UserDto[]> {
    const users = await this.db.getRepository(UserEntity).find({ order: { createdAt: 'ASC' }, take: 1000 });
    return users.map(toUserDto);
  }

  /** Trainers and admins are created by an admin (or the CLI for the first admin); learners come via invite codes. */
  async createStaff(dto: CreateStaffDto): Promise<UserDto> {
    const weak = checkPassword(dto.password, dto.email);
    if (weak) throw new AppException(400, weak.code, weak.message);
    const passwordHash = await this.hasher.hash(dto.password);
    const repo = this.db.getRepository(UserEntity);
    const user = repo.create({
      email: dto.email, displayName: dto.displayName, passwordHash, role: dto.role, locale: dto.locale ?? 'es',
      positionType: dto.positionType ?? null, region: dto.region ?? null, institution: dto.institution ?? null,
      disabledAt: null, tokenVersion: 0,
    });
    try {
      await repo.insert(user);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new AppException(409, 'EMAIL_TAKEN', 'email: an account with this e-mail already exists.');
      throw error;
    }
    return this.getProfile(user.id);
  }

  /** Grants or withdraws the content-editor permission; only trainers hold it (admins may by their role). */
  async setContentEditor(userId: string, granted: boolean): Promise<UserDto> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw notFound('User');
    if (user.role !== 'trainer') throw new AppException(409, 'CONFLICT', 'Only trainers are granted the content-editor permission; administrators hold it already.');
    await this.db.query(`UPDATE users SET can_edit_content = $2, updated_at = now() WHERE id = $1`, [userId, granted]);
    return this.getProfile(userId);
  }

  /** Disabling revokes every session at once (token version bump + session revocation). */
  async setDisabled(actorId: string, userId: string, disabled: boolean): Promise<UserDto> {
    if (actorId === userId && disabled) throw new AppException(409, 'CONFLICT', 'You cannot disable your own account.');
    await this.db.transaction(async (manager) => {
      const result = await manager.query(
        `UPDATE users SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) ELSE NULL END,
                          token_version = token_version + CASE WHEN $2 THEN 1 ELSE 0 END, updated_at = now()
          WHERE id = $1 RETURNING id`,
        [userId, disabled],
      );
      if (result[0].length === 0) throw notFound('User');
      if (disabled) await this.tokens.revokeAllSessions(userId, 'account_disabled', manager);
    });
    return this.getProfile(userId);
  }
}
