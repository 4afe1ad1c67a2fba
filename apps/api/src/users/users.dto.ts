import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';
import { trimPassword } from '../auth/password-policy.js';
import { LOCALES, POSITION_TYPES, REGIONS, type Locale, type PositionType, type Region } from './user.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateStaffDto {
  @ApiProperty() @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)) @IsEmail({}, { message: 'email must be a valid e-mail address' }) @MaxLength(254) email: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 120) displayName: string;
  @ApiProperty() @Transform(trimPassword) @IsString() @MaxLength(1024) password: string;
  @ApiProperty({ enum: ['trainer', 'admin'] }) @IsIn(['trainer', 'admin']) role: 'trainer' | 'admin';
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES) locale?: Locale;
  @ApiPropertyOptional({ enum: POSITION_TYPES }) @IsOptional() @IsIn(POSITION_TYPES) positionType?: PositionType;
  @ApiPropertyOptional({ enum: REGIONS }) @IsOptional() @IsIn(REGIONS) region?: Region;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 160) institution?: string;
}

export class UpdatePermissionsDto {
  @ApiProperty({ description: 'May edit and publish course content' }) @IsBoolean() canEditContent: boolean;
}

export class UpdateEvaluatorDto {
  @ApiProperty({ description: 'May define studies (controlled comparisons) and read their reports' }) @IsBoolean() canEvaluate: boolean;
}

export class UpdateProfileDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 120) displayName?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Name for certificates, as on the identity document; null: use the display name' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @Transform(trim) @IsString() @Length(1, 160) legalName?: string | null;
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES) locale?: Locale;
  @ApiPropertyOptional({ enum: POSITION_TYPES }) @IsOptional() @IsIn(POSITION_TYPES) positionType?: PositionType;
  @ApiPropertyOptional({ enum: REGIONS }) @IsOptional() @IsIn(REGIONS) region?: Region;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 160) institution?: string;
}
