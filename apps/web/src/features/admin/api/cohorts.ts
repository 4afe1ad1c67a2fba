import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';
import { asReport } from '../../../components/report/report-types';

export type Cohort = ApiSchemas['CohortDto'];

export const listCohorts = () => apiCall(() => api.GET('/api/cohorts'));
export const assignTrainer = (cohortId: string, trainerId: string) =>
  apiCall(() => api.PUT('/api/cohorts/{cohortId}/trainer', { params: { path: { cohortId } }, body: { trainerId } }));
/** One report over several cohorts (the same computation as a single cohort's). */
export const getCombinedReport = async (cohortIds: string[], lang: 'es' | 'en') =>
  asReport(await apiCall(() => api.GET('/api/reports/combined', { params: { query: { cohortIds: cohortIds.join(','), lang } } })));
