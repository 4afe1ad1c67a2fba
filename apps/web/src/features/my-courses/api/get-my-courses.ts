import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';

export type MyEnrolment = ApiSchemas['MyEnrolmentDto'];
export type JourneySummary = Pick<ApiSchemas['JourneyStateDto'], 'stage' | 'percentComplete' | 'followUpOpensAt' | 'secondBaselineAt' | 'snapshot'>;
export interface MyCourse {
  enrolment: MyEnrolment;
  /** null while the cohort has no course version yet. */
  journey: JourneySummary | null;
}

/** My enrolments with the server's progress figures (the list needs no journey machine). */
export async function getMyCourses(lang: 'es' | 'en'): Promise<MyCourse[]> {
  const enrolments = await apiCall(() => api.GET('/api/enrolments/mine', { params: { query: { lang } } }));
  return Promise.all(
    enrolments.map(async (enrolment) => {
      if (!enrolment.courseVersionId) return { enrolment, journey: null };
      const { stage, percentComplete, followUpOpensAt, secondBaselineAt, snapshot } = await apiCall(() =>
        api.GET('/api/enrolments/{enrolmentId}/journey', { params: { path: { enrolmentId: enrolment.id } } }),
      );
      return { enrolment, journey: { stage, percentComplete, followUpOpensAt, secondBaselineAt, snapshot } };
    }),
  );
}
