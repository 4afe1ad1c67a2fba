import { isPersistedJourney, type PersistedJourney } from '#journey';
import type { ApiSchemas } from '../api/api-client';

export type CourseOutline = ApiSchemas['CourseOutlineDto'];
export type OutlineModule = ApiSchemas['OutlineModuleDto'];
export type JourneyState = ApiSchemas['JourneyStateDto'];
export type SubmissionResult = ApiSchemas['SubmissionResultDto'];
export type Grade = ApiSchemas['GradeFeedbackDto'];

/** The machine's persisted snapshot, checked (shape and machine version) before it is trusted. */
export function persistedOf(state: JourneyState): PersistedJourney {
  if (!isPersistedJourney(state.snapshot)) throw new Error('The server sent a journey snapshot this app cannot read (another machine version?).');
  return state.snapshot;
}
