import { useContentLanguage } from '../use-content-language';
import { useQuery } from '../use-query';
import { api, type ApiSchemas } from './api-client';
import { apiCall } from './call';

// The course list and its drafts, as every staff area (admin, editor, trainer) reads them.
export type CourseSummary = ApiSchemas['CourseSummaryDto'];

/** Course titles in the reader's language (the route reads Accept-Language). */
export const listCourses = (lang: 'es' | 'en') => apiCall(() => api.GET('/api/courses', { headers: { 'Accept-Language': lang } }));

/** The open draft, created from the latest published version when there is none. */
export const createDraft = (courseId: string) => apiCall(() => api.POST('/api/courses/{courseId}/draft', { params: { path: { courseId } } }));

/** The courses in the content language, loaded again when it changes. */
export function useCourseList() {
  const lang = useContentLanguage();
  return useQuery(() => listCourses(lang), [lang]);
}
