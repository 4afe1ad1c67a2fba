import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';

export type CohortCourseVersion = ApiSchemas['CohortCourseVersionDto'];
export type NewerVersion = ApiSchemas['NewerVersionDto'];

/** Which course version the cohort's learners are on, and what changed in newer ones. */
export const cohortCourseVersion = (cohortId: string) =>
  apiCall(() => api.GET('/api/cohorts/{cohortId}/course-version', { params: { path: { cohortId } } }));

/** Moves the cohort (and its learners who have not started) to a newer published version. */
export const moveCohortVersion = (cohortId: string, courseVersionId: string) =>
  apiCall(() => api.POST('/api/cohorts/{cohortId}/course-version', { params: { path: { cohortId } }, body: { courseVersionId } }));
