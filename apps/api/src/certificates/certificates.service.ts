import { Inject, Injectable } from '@nestjs/common';
import { DatabasePool } from '../database/database-pool.js';
import type { Locale } from '#curriculum';
import { AppException, notFound } from '../common/app-exception.js';
import { RateLimiter } from '../common/rate-limiter.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { CertificateDto, CertificateVerificationDto } from './certificates.dto.js';
import { CERTIFICATE_CODE } from './certificate-code.js';
import { renderCertificatePdf } from './certificate-pdf.js';

interface CertificateRow {
  code: string;
  learner_name: string;
  course_title: { es: string; en: string };
  course_version: number;
  hours: string;
  completed_at: Date;
  revoked_at: Date | null;
}

@Injectable()
export class CertificatesService {
  constructor(
    private readonly db: DatabasePool,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async mine(userId: string, enrolmentId: string, locale: Locale, baseUrl: string): Promise<CertificateDto> {
    const row = await this.ownRow(userId, enrolmentId);
    return {
      ...this.toPublic(row, locale), learnerName: row.learner_name, code: row.code, courseVersion: row.course_version, hours: Number(row.hours),
      verifyUrl: verifyUrl(baseUrl, row.code),
    };
  }

  async pdf(userId: string, enrolmentId: string, locale: Locale, baseUrl: string): Promise<Buffer> {
    const row = await this.ownRow(userId, enrolmentId);
    return renderCertificatePdf({
      learnerName: row.learner_name, courseTitle: row.course_title[locale], courseVersion: row.course_version, hours: Number(row.hours),
      completedAt: row.completed_at, code: row.code, verifyUrl: verifyUrl(baseUrl, row.code), locale,
    });
  }

  /**
   * Public: confirms name, course and date — nothing else about the person — or says the certificate was revoked (its
   * holder deleted their account and chose so; the name is gone). Limited per client IP (no code sweeps).
   */
  async verify(code: string, locale: Locale, ip: string): Promise<CertificateVerificationDto> {
    const { ipMax, windowSeconds } = this.config.verification;
    if (!(await this.limiter.take([{ key: `verify-ip:${ip}`, max: ipMax, windowSeconds, lockSeconds: windowSeconds }]))) {
      throw new AppException(429, 'TOO_MANY_REQUESTS', 'Too many verifications from here; please try again in a minute.');
    }
    const normalised = code.trim().toUpperCase();
    const [row]: CertificateRow[] = CERTIFICATE_CODE.test(normalised) ? await this.db.query(`SELECT * FROM certificates WHERE code = $1`, [normalised]) : [];
    if (!row) throw new AppException(404, 'NOT_FOUND', 'No certificate has this code. Check that it was typed exactly as printed.');
    return this.toPublic(row, locale);
  }

  private async ownRow(userId: string, enrolmentId: string): Promise<CertificateRow> {
    const [row]: CertificateRow[] = await this.db.query(
      `SELECT c.* FROM certificates c JOIN enrolments e ON e.id = c.enrolment_id WHERE e.id = $1 AND e.user_id = $2`,
      [enrolmentId, userId],
    );
    if (!row) throw notFound('Certificate');
    return row;
  }

  private toPublic(row: CertificateRow, locale: Locale): CertificateVerificationDto {
    const revoked = row.revoked_at !== null;
    return {
      valid: !revoked, status: revoked ? 'revoked' : 'valid', learnerName: revoked ? null : row.learner_name, courseTitle: row.course_title[locale],
      completedAt: row.completed_at.toISOString(), revokedAt: row.revoked_at?.toISOString() ?? null,
    };
  }
}

const verifyUrl = (baseUrl: string, code: string) => `${baseUrl.replace(/\/$/, '')}/verify/${code}`;
