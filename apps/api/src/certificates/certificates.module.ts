import { Module } from '@nestjs/common';
import { CertificateIssuer } from './certificate-issuer.service.js';
import { CertificatesController } from './certificates.controller.js';
import { CertificatesService } from './certificates.service.js';

@Module({
  controllers: [CertificatesController],
  providers: [CertificatesService, CertificateIssuer],
  exports: [CertificateIssuer],
})
export class CertificatesModule {}
