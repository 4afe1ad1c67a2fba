import { api } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';
import { asReport } from '../../../components/report/report-types';

export const getCohortReport = async (cohortId: string, lang: 'es' | 'en') =>
  asReport(await apiCall(() => api.GET('/api/cohorts/{cohortId}/report', { params: { path: { cohortId }, query: { lang } } })));
