import { createContext, useContext } from 'react';
import type { JourneyView, LiveJourneySnapshot } from '#journey';
import type { JourneyDriver } from './journey-driver';
import type { CourseOutline } from './journey-types';

export interface JourneyContextValue {
  enrolmentId: string;
  /** The course outline in the current content language. */
  outline: CourseOutline;
  /** The browser actor's snapshot: the server's journey plus the learner's steps still on their way. */
  snapshot: LiveJourneySnapshot;
  /** describeJourney(snapshot): what the pages render. */
  view: JourneyView;
  /** Sends the learner's actions to the actor and the server (see journey-driver.ts). */
  driver: JourneyDriver;
}

export const JourneyContext = createContext<JourneyContextValue | null>(null);

export function useJourney(): JourneyContextValue {
  const value = useContext(JourneyContext);
  if (!value) throw new Error('useJourney must be used inside JourneyProvider');
  return value;
}
