import { ApiProperty } from '@nestjs/swagger';
import { LOCALES, POSITION_TYPES, REGIONS, ROLES, type UserEntity } from './user.entity.js';

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ nullable: true, type: String, description: 'Name printed on certificates (null: the display name)' }) legalName: string | null;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: UserEntity['role'];
  @ApiProperty({ enum: LOCALES, enumName: 'Locale' }) locale: UserEntity['locale'];
  @ApiProperty({ enum: POSITION_TYPES, enumName: 'PositionType', nullable: true, type: String }) positionType: UserEntity['positionType'];
  @ApiProperty({ nullable: true, type: String }) institution: string | null;
  @ApiProperty({ enum: REGIONS, enumName: 'Region', nullable: true, type: String }) region: UserEntity['region'];
  @ApiProperty() disabled: boolean;
  @ApiProperty({ description: 'May edit and publish course content (admins always may)' }) canEditContent: boolean;
  @ApiProperty({ description: 'May define studies and read their reports (admins always may)' }) canEvaluate: boolean;
}

export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    legalName: user.legalName,
    role: user.role,
    locale: user.locale,
    positionType: user.positionType,
    institution: user.institution,
    region: user.region,
    disabled: user.disabledAt !== null,
    canEditContent: user.role === 'admin' || user.canEditContent,
    canEvaluate: user.role === 'admin' || user.canEvaluate,
  };
}
