import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';
import { saveFile } from '../../../lib/save-file';

export type Study = ApiSchemas['StudyDto'];
export type NewStudy = ApiSchemas['CreateStudyDto'];
export type CohortOption = ApiSchemas['StudyCohortOptionDto'];
export type StudyReport = ApiSchemas['StudyReportDto'];
export type StudyMeasure = ApiSchemas['StudyMeasureDto'];

export const listStudies = () => apiCall(() => api.GET('/api/studies'));
export const listCohortOptions = () => apiCall(() => api.GET('/api/studies/cohort-options'));
export const createStudy = (body: NewStudy) => apiCall(() => api.POST('/api/studies', { body }));
export const getStudy = (studyId: string) => apiCall(() => api.GET('/api/studies/{studyId}', { params: { path: { studyId } } }));
export const openSecondBaseline = (studyId: string) =>
  apiCall(() => api.POST('/api/studies/{studyId}/second-baseline/open', { params: { path: { studyId } } }));
export const getStudyReport = (studyId: string, lang: 'es' | 'en') =>
  apiCall(() => api.GET('/api/studies/{studyId}/report', { params: { path: { studyId }, query: { lang } } }));

/** The study's export (study.csv, README, reproduce.R), fetched with the in-memory token and saved as a file. */
export async function downloadStudyExport(studyId: string): Promise<string> {
  let fileName = 'respeta-study.zip';
  const blob = await apiCall(async () => {
    const result = await api.GET('/api/studies/{studyId}/export.zip', { params: { path: { studyId } }, parseAs: 'blob' });
    const named = /filename="([^"]+)"/.exec(result.response.headers.get('content-disposition') ?? '');
    if (named) fileName = named[1]!;
    return result;
  });
  saveFile(blob as Blob, fileName);
  return fileName;
}
