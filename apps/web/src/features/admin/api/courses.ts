import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';

export type { CourseSummary as Course } from '../../../lib/api/courses';
export type VersionSummary = ApiSchemas['CourseVersionSummaryDto'];

export const versionHistory = (courseId: string) => apiCall(() => api.GET('/api/courses/{courseId}/versions', { params: { path: { courseId } } }));
