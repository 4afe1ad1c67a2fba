import { Controller, Get, Inject, Param, ParseUUIDPipe, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Locale } from '#curriculum';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RequestLocale } from '../curriculum/request-locale.js';
import { CertificateDto, CertificateVerificationDto } from './certificates.dto.js';
import { CertificatesService } from './certificates.service.js';

@ApiTags('certificates')
@ApiQuery({ name: 'lang', required: false, enum: ['es', 'en'] })
@Controller()
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Roles('learner')
  @ApiBearerAuth()
  @Get('enrolments/:enrolmentId/certificate')
  @ApiOkResponse({ type: CertificateDto })
  mine(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @RequestLocale() locale: Locale, @Req() req: FastifyRequest) {
    return this.certificates.mine(user.id, id, locale, this.baseUrl(req));
  }

  @Roles('learner')
  @ApiBearerAuth()
  @Get('enrolments/:enrolmentId/certificate.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The certificate as PDF' })
  async pdf(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @RequestLocale() locale: Locale, @Req() req: FastifyRequest) {
    // Headers set here (not with @Header) so an error answer keeps its JSON content type.
    return new StreamableFile(await this.certificates.pdf(user.id, id, locale, this.baseUrl(req)), {
      type: 'application/pdf',
      disposition: 'attachment; filename="respeta-certificado.pdf"',
    });
  }

  @Public()
  @Get('certificates/:code')
  @ApiOkResponse({ type: CertificateVerificationDto })
  verify(@Param('code') code: string, @RequestLocale() locale: Locale, @Req() req: FastifyRequest) {
    return this.certificates.verify(code, locale, req.ip ?? 'unknown');
  }

  /** PUBLIC_URL (required in production); in development the address the learner used. */
  private baseUrl(req: FastifyRequest): string {
    return this.config.publicUrl ?? `${req.protocol}://${req.headers.host}`;
  }
}
