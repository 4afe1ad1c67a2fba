// The journey as stored (a jsonb column on the server, a prop in the browser) and the way back to a live snapshot.
import type { SnapshotFrom } from 'xstate';
import { journeyMachine } from './journey-machine.js';
import { assertValidOutline } from './journey-progress.js';
import { pureInitialTransition } from './pure-transition.js';
import { JOURNEY_MACHINE_VERSION, type JourneyContext, type JourneyOutline } from './journey-types.js';
import type { JourneyStateValue } from './journey-stored.js';

/** A live snapshot of the journey machine (has .can(), .matches()); not serialisable as such. */
export type LiveJourneySnapshot = SnapshotFrom<typeof journeyMachine>;

export type { JourneyStateValue } from './journey-stored.js';

/**
 * What getPersistedSnapshot() yields for this machine, as plain JSON. The machine has no child actors and no history
 * states, so children and historyValue are always empty; they are kept so that xstate restores it as is:
 * `createActor(journeyMachine, { snapshot, input: snapshot.context.outline })` (xstate's types demand the input;
 * it is ignored when a snapshot is given).
 */
export interface PersistedJourney {
  status: 'active' | 'done';
  value: JourneyStateValue;
  context: JourneyContext;
  children: Record<string, never>;
  historyValue: Record<string, never>;
  /** Always undefined, so absent from the stored JSON; declared because xstate's Snapshot type requires the keys. */
  output: undefined;
  error: undefined;
}

/** The name the product issue uses for the persisted type. */
export type JourneySnapshot = PersistedJourney;

/**
 * A deep copy as JSON would make it (undefined members left out), without printing and parsing text: six times
 * faster, and every event on the server makes one. The snapshot holds only plain objects, arrays, strings, numbers
 * and booleans (the persisted-shape tests check it against a JSON round trip at every stage).
 */
function plainCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plainCopy) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  // for…in, not Object.entries: no array of pairs per object (plain objects: own keys only, in the same order).
  for (const key in value) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) copy[key] = plainCopy(member);
  }
  return copy as T;
}

/**
 * Plain JSON in, plain JSON out: nothing the server stores may share references with machine internals. What
 * getPersistedSnapshot() yields for this machine, member for member and in its order, built directly: the machine has
 * no child actors and no history states, so xstate's walk of the whole context looking for actors finds nothing. The
 * outline — the caller's own data, about half of the snapshot, never changed in place (rescheduling assigns a new one)
 * — is shared with the snapshot it came from instead of copied: every event on the server makes one of these. The
 * persisted-shape test compares it with xstate's own at every checkpoint, so a machine that gains either fails there.
 */
export function toPersisted(snapshot: LiveJourneySnapshot): PersistedJourney {
  const context: Record<string, unknown> = {};
  const live = snapshot.context as unknown as Record<string, unknown>;
  for (const key in live) {
    const member = live[key];
    if (member !== undefined) context[key] = key === 'outline' ? member : plainCopy(member);
  }
  return { status: snapshot.status, value: plainCopy(snapshot.value), historyValue: {}, context, children: {} } as unknown as PersistedJourney;
}

/** A live snapshot from a stored one, without creating an actor. Throws on a state the machine does not have. */
export function restoreJourney(persisted: PersistedJourney): LiveJourneySnapshot {
  if (persisted?.context?.machineVersion !== JOURNEY_MACHINE_VERSION) {
    // A snapshot written by another version of the machine must be migrated, never silently reinterpreted.
    throw new Error(
      `journey snapshot has machineVersion ${String(persisted?.context?.machineVersion)}, expected ${JOURNEY_MACHINE_VERSION}`,
    );
  }
  return journeyMachine.resolveState({ value: persisted.value, context: persisted.context });
}

/** The persisted snapshot a new enrolment starts from. */
export function startJourney(outline: JourneyOutline): PersistedJourney {
  // Validate here as well: xstate would otherwise turn a bad outline into an actor in status 'error'.
  assertValidOutline(outline);
  return toPersisted(pureInitialTransition(outline));
}

// Kept apart (no xstate at run time) so that pages outside the course player can read a stage cheaply.
export { isPersistedJourney, journeyStage, learningPhase, type LearningPhase } from './journey-stored.js';
