import type { PersistedJourney } from '#journey';
import type { ApiSchemas } from '../api/api-client';

export type CourseOutline = ApiSchemas['CourseOutlineDto'];
export type OutlineModule = ApiSchemas['OutlineModuleDto'];
export type JourneyState = ApiSchemas['JourneyStateDto'];
export type SubmissionResult = ApiSchemas['SubmissionResultDto'];
export type Grade = ApiSchemas['GradeFeedbackDto'];

/** The API types the snapshot as an open object; it is the machine's persisted snapshot. */
export const persistedOf = (state: JourneyState): PersistedJourney => state.snapshot as unknown as PersistedJourney;
