import type { JourneyView, LiveJourneySnapshot } from '#journey';
import type { JourneyDriver } from './journey-driver';
import type { CourseOutline } from './journey-types';
import { requiredContext } from '../required-context';

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

export const [JourneyContext, useJourney] = requiredContext<JourneyContextValue>('useJourney must be used inside JourneyProvider');
