import { api, ApiError, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall, publicCall } from '../../../lib/api/call';
import type { Language } from '../../../lib/i18n';
import { downloadFromApi } from '../../../lib/save-file';

export type Certificate = ApiSchemas['CertificateDto'];
export type Verification = ApiSchemas['CertificateVerificationDto'];

export const getCertificate = (enrolmentId: string, lang: Language) =>
  apiCall(() => api.GET('/api/enrolments/{enrolmentId}/certificate', { params: { path: { enrolmentId }, query: { lang } } }));

/** The PDF needs the access token, so it is fetched (not linked) and handed to the browser as a file. */
export async function downloadCertificatePdf(enrolmentId: string, lang: Language, filename: string): Promise<void> {
  await downloadFromApi(() => api.GET('/api/enrolments/{enrolmentId}/certificate.pdf', { params: { path: { enrolmentId }, query: { lang } }, parseAs: 'blob' }), { chosen: filename });
}

/** null when no certificate has this code (404). */
export async function verifyCertificate(code: string, lang: Language): Promise<Verification | null> {
  try {
    return await publicCall(() => api.GET('/api/certificates/{code}', { params: { path: { code }, query: { lang } } }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export type ActionPlan = ApiSchemas['ActionPlanDto'];

export const getActionPlan = (enrolmentId: string) =>
  apiCall(() => api.GET('/api/enrolments/{enrolmentId}/action-plan', { params: { path: { enrolmentId } } }));
