// Reading a stored journey without running the machine: type-only use of xstate, so pages outside the course player
// (the home page's course list) can read a journey without bundling the machine.
import type { SnapshotFrom } from 'xstate';
import type { journeyMachine } from './journey-machine.js';
import type { PersistedJourney } from './journey-persistence.js';
import { JOURNEY_MACHINE_VERSION, type JourneyStage } from './journey-types.js';

export type JourneyStateValue = SnapshotFrom<typeof journeyMachine>['value'];

/** The top-level state, whatever the parallel or nested state below it. */
export function journeyStage(value: JourneyStateValue): JourneyStage {
  return (typeof value === 'string' ? value : Object.keys(value)[0]) as JourneyStage;
}

export type LearningPhase = 'reading' | 'quiz' | 'review' | 'scenario';

/** Where the current module stands while learning; null in every other stage. */
export function learningPhase(value: JourneyStateValue): LearningPhase | null {
  return typeof value === 'object' && 'learning' in value ? (value.learning as LearningPhase) : null;
}

/**
 * A stored snapshot received as plain JSON (the API's JourneyStateDto.snapshot): true when it has the shape
 * restoreJourney needs, written by this machine version. Checked before the browser trusts it as PersistedJourney.
 */
export function isPersistedJourney(value: unknown): value is PersistedJourney {
  if (typeof value !== 'object' || value === null) return false;
  const { status, value: state, context } = value as { status?: unknown; value?: unknown; context?: { machineVersion?: unknown } | null };
  return (status === 'active' || status === 'done')
    && (typeof state === 'string' || (typeof state === 'object' && state !== null))
    && typeof context === 'object' && context !== null && context.machineVersion === JOURNEY_MACHINE_VERSION;
}
