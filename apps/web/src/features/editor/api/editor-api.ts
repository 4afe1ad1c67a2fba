import type { Course, ItemKind, ItemValue } from '#curriculum';
import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { downloadFromApi } from '../../../lib/save-file';
import { apiCall } from '../../../lib/api/call';

export type VersionSummary = ApiSchemas['CourseVersionSummaryDto'];
export type ItemRevision = ApiSchemas['ItemRevisionDto'];
export type TextEdit = ApiSchemas['TextEditDto'];
export type SavedItem = ApiSchemas['SavedItemDto'];
export type Problem = ApiSchemas['ProblemDto'];
export type ValidationReport = ApiSchemas['ValidationReportDto'];
export type ImportResult = ApiSchemas['ImportResultDto'];

export interface DraftData {
  version: VersionSummary;
  /** Course content is checked by the server against the libs/curriculum schema, so it has the library's type. */
  course: Course;
  revisions: ItemRevision[];
  textEdits: TextEdit[];
}

/** What the server always sends as a version's content: a course checked against the libs/curriculum schema. */
function isCourse(content: unknown): content is Course {
  const c = content as Partial<Course> | null;
  return typeof c?.key === 'string' && Array.isArray(c.modules) && Array.isArray(c.moduleOrder) && typeof c.knowledgeTest === 'object';
}

/** The version's content as the library's type (the API document types it as a plain object). */
export function contentOf(version: ApiSchemas['CourseVersionDto']): Course {
  if (!isCourse(version.content)) throw new Error(`course version ${version.id}: its content is not a course`);
  return version.content;
}


export async function loadDraft(versionId: string): Promise<DraftData> {
  const data = await apiCall(() => api.GET('/api/course-versions/{versionId}/editor', { params: { path: { versionId } } }));
  const { content: _content, ...version } = data.version;
  return { version, course: contentOf(data.version), revisions: data.revisions, textEdits: data.textEdits };
}

export const getVersion = (versionId: string) => apiCall(() => api.GET('/api/course-versions/{versionId}', { params: { path: { versionId } } }));

export const saveItem = (versionId: string, kind: ItemKind, itemKey: string, value: ItemValue, baseRevision: number) =>
  apiCall(() => api.PUT('/api/course-versions/{versionId}/items/{kind}/{itemKey}', {
    params: { path: { versionId, kind, itemKey } }, body: { baseRevision, value },
  }));

export const confirmTranslation = (versionId: string, kind: ItemKind, itemKey: string, textId: string, locale: 'es' | 'en') =>
  apiCall(() => api.POST('/api/course-versions/{versionId}/items/{kind}/{itemKey}/confirm-translation', {
    params: { path: { versionId, kind, itemKey } }, body: { textId, locale },
  }));

export const validateDraft = (versionId: string) => apiCall(() => api.POST('/api/course-versions/{versionId}/validate', { params: { path: { versionId } } }));

export const publishDraft = (versionId: string, changeNote: { es: string; en: string }) =>
  apiCall(() => api.POST('/api/course-versions/{versionId}/publish', { params: { path: { versionId } }, body: { changeNote } }));

export const discardDraft = (versionId: string) => apiCall(() => api.DELETE('/api/course-versions/{versionId}', { params: { path: { versionId } } }));

export const importFiles = (courseId: string, files: Record<string, string>) =>
  apiCall(() => api.POST('/api/courses/{courseId}/import', { params: { path: { courseId } }, body: { files } }));

/** The version's YAML files as a ZIP, fetched with the in-memory token and handed to the browser as a download. */
export const downloadVersionFiles = (versionId: string): Promise<string> =>
  downloadFromApi(() => api.GET('/api/course-versions/{versionId}/export.zip', { params: { path: { versionId } }, parseAs: 'blob' }), { fallback: 'course.zip' });
