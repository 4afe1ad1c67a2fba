import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';

export type RosterEntry = ApiSchemas['RosterEntryDto'];

export const getRoster = (cohortId: string) => apiCall(() => api.GET('/api/cohorts/{cohortId}/roster', { params: { path: { cohortId } } }));
/** Marks the enrolment withdrawn; the learner's answers are kept for the record. */
export const removeLearner = (cohortId: string, enrolmentId: string) =>
  apiCall(() => api.POST('/api/cohorts/{cohortId}/enrolments/{enrolmentId}/remove', { params: { path: { cohortId, enrolmentId } } }));
