import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';

export type Cohort = ApiSchemas['CohortDto'];
export type Course = ApiSchemas['CourseSummaryDto'];
type Region = NonNullable<ApiSchemas['CreateCohortDto']['region']>;

/** What the cohort form edits. Dates are calendar days (YYYY-MM-DD); null clears. */
export interface CohortInput {
  name: string;
  region: Region | null;
  courseVersionId: string | null;
  startDate: string | null;
  endDate: string | null;
  followUpDays: number;
}

const createBody = (input: CohortInput): ApiSchemas['CreateCohortDto'] => input;
const updateBody = (input: CohortInput): ApiSchemas['UpdateCohortDto'] => input;

export const listCohorts = () => apiCall(() => api.GET('/api/cohorts'));
export const getCohort = (cohortId: string) => apiCall(() => api.GET('/api/cohorts/{cohortId}', { params: { path: { cohortId } } }));
export const createCohort = (input: CohortInput) => apiCall(() => api.POST('/api/cohorts', { body: createBody(input) }));
export const updateCohort = (cohortId: string, input: CohortInput) =>
  apiCall(() => api.PATCH('/api/cohorts/{cohortId}', { params: { path: { cohortId } }, body: updateBody(input) }));
