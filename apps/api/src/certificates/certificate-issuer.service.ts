import { Injectable } from '@nestjs/common';
import type { Course } from '#curriculum';
import type { SqlClient } from '../database/database-pool.js';
import { newCertificateCode } from './certificate-code.js';

/** The learner and enrolment a certificate is issued to (read under the submission's row lock). */
export interface CertificateHolder {
  id: string;
  course_version_id: string;
  /** The name certificates print: the legal name, or the display name when none was given. */
  display_name: string;
}

/**
 * Issues the certificate of a completed journey, inside the submission's transaction. At most one per enrolment:
 * a later submission that finds the journey still complete changes nothing. Verification lives in CertificatesService.
 */
@Injectable()
export class CertificateIssuer {
  async issue(m: SqlClient, enrolment: CertificateHolder, course: Course, completedAt: number): Promise<void> {
    const code = newCertificateCode();
    const [version] = await m.query(`SELECT version FROM course_versions WHERE id = $1`, [enrolment.course_version_id]);
    await m.query(
      `INSERT INTO certificates (enrolment_id, code, learner_name, course_title, course_version, hours, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (enrolment_id) DO NOTHING`,
      [enrolment.id, code, enrolment.display_name, JSON.stringify(course.title), version.version, course.hours, new Date(completedAt)],
    );
  }

  /** The holder's name corrected (a rectification): their certificates that are not revoked print the new one. */
  async renameHolder(m: SqlClient, userId: string, name: string): Promise<void> {
    await m.query(
      `UPDATE certificates c SET learner_name = $2 FROM enrolments e WHERE e.id = c.enrolment_id AND e.user_id = $1 AND c.revoked_at IS NULL`,
      [userId, name],
    );
  }
}
