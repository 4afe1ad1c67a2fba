import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { UserDto } from '../users/user.mapper.js';
import { trimPassword } from './password-policy.js';
import { LOCALES, POSITION_TYPES, REGIONS, type Locale, type PositionType, type Region } from '../users/user.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class LoginDto {
  @ApiProperty({ example: 'formadora@respeta.demo' }) @Transform(lower) @IsEmail({}, { message: 'email must be a valid e-mail address' }) @MaxLength(254) email: string;
  @ApiProperty() @Transform(trimPassword) @IsString() @MaxLength(1024) password: string;
}

export class RegisterDto {
  @ApiProperty({ example: 'DEMO-2026' }) @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString() @Length(4, 40) @Matches(/^[A-Z0-9-]+$/, { message: 'inviteCode may contain only letters, digits and hyphens' })
  inviteCode: string;
  @ApiProperty() @Transform(lower) @IsEmail({}, { message: 'email must be a valid e-mail address' }) @MaxLength(254) email: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 120) displayName: string;
  @ApiProperty({ minLength: 8, maxLength: 128 }) @Transform(trimPassword) @IsString() @MaxLength(1024) password: string;
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES) locale?: Locale;
  @ApiProperty({ enum: POSITION_TYPES }) @IsIn(POSITION_TYPES, { message: `positionType must be one of: ${POSITION_TYPES.join(', ')}` }) positionType: PositionType;
  @ApiProperty({ enum: REGIONS }) @IsIn(REGIONS, { message: 'region must be one of Peru\'s departments' }) region: Region;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 160) institution?: string;
}

export class ChangePasswordDto {
  @ApiProperty() @Transform(trimPassword) @IsString() @MaxLength(1024) currentPassword: string;
  @ApiProperty() @Transform(trimPassword) @IsString() @MaxLength(1024) newPassword: string;
}

export class AuthResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ type: UserDto }) user: UserDto;
}

/** The same answer whether the e-mail was new (account created) or already had an account: nothing to enumerate. */
export class RegistrationAcceptedDto {
  @ApiProperty({ enum: ['accepted'] }) status: 'accepted';
}
