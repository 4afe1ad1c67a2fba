import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';

export type Course = ApiSchemas['CourseSummaryDto'];
export type VersionSummary = ApiSchemas['CourseVersionSummaryDto'];

/** Course titles in the reader's language (the route reads Accept-Language). */
export const listCourses = (lang: 'es' | 'en') => apiCall(() => api.GET('/api/courses', { headers: { 'Accept-Language': lang } }));
export const versionHistory = (courseId: string) => apiCall(() => api.GET('/api/courses/{courseId}/versions', { params: { path: { courseId } } }));
/** The open draft, created from the latest published version when there is none. */
export const createDraft = (courseId: string) => apiCall(() => api.POST('/api/courses/{courseId}/draft', { params: { path: { courseId } } }));
