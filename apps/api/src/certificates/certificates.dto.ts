import { ApiProperty } from '@nestjs/swagger';

export class CertificateVerificationDto {
  @ApiProperty({ description: 'false when the certificate was revoked' }) valid: boolean;
  @ApiProperty({ enum: ['valid', 'revoked'], description: 'revoked: at its holder\'s request, when their account was deleted' }) status: 'valid' | 'revoked';
  @ApiProperty({ nullable: true, type: String, description: 'null when revoked (the name was erased)' }) learnerName: string | null;
  @ApiProperty() courseTitle: string;
  @ApiProperty() completedAt: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
}

export class CertificateDto extends CertificateVerificationDto {
  @ApiProperty() declare learnerName: string;
  @ApiProperty() code: string;
  @ApiProperty() courseVersion: number;
  @ApiProperty() hours: number;
  @ApiProperty() verifyUrl: string;
}
