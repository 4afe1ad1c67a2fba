import { createContext, useContext } from 'react';
import type { JourneyView, LiveJourneySnapshot } from '#journey';
import type { CourseOutline, JourneyState } from './journey-types';

export interface JourneyContextValue {
  enrolmentId: string;
  /** The course outline in the current content language. */
  outline: CourseOutline;
  /** The hydrated machine state (has .can() for local "may I?" questions). */
  snapshot: LiveJourneySnapshot;
  /** describeJourney(snapshot): what the pages render. */
  view: JourneyView;
  /** Replaces the journey with the one the server confirmed (after every submission); returns its view. */
  accept(state: JourneyState): JourneyView;
  /** Fetches the journey again (after a 409: our copy was stale). */
  refresh(): void;
}

export const JourneyContext = createContext<JourneyContextValue | null>(null);

export function useJourney(): JourneyContextValue {
  const value = useContext(JourneyContext);
  if (!value) throw new Error('useJourney must be used inside JourneyProvider');
  return value;
}
