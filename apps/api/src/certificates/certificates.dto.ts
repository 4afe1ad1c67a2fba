import { ApiProperty } from '@nestjs/swagger';

export class CertificateVerificationDto {
  @ApiProperty() valid: boolean;
  @ApiProperty() learnerName: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty() completedAt: string;
}

export class CertificateDto extends CertificateVerificationDto {
  @ApiProperty() code: string;
  @ApiProperty() courseVersion: number;
  @ApiProperty() hours: number;
  @ApiProperty() verifyUrl: string;
}
