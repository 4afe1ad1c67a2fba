// xstate's `transition()` and `initialTransition()` build a throwaway actor on every call, and that actor computes the
// machine's initial snapshot with no input: the initial context refuses a missing outline, so every call also built,
// threw and caught an error — about half of what an event cost the server. Here one inert scope, made once from a
// valid outline and never started, serves every call. The machine spawns no children and schedules nothing, so the
// scope carries nothing from one call to the next but the list of actions each call reads back.
import { createActor } from 'xstate';
import { journeyMachine } from './journey-machine.js';
import type { JourneyEvent, JourneyOutline } from './journey-types.js';
import type { LiveJourneySnapshot } from './journey-persistence.js';

type Scope = Parameters<typeof journeyMachine.transition>[2];
type Action = Parameters<Scope['actionExecutor']>[0];

const INERT_OUTLINE: JourneyOutline = {
  courseVersionId: 'inert-scope',
  modules: [{ key: 'm', lessonKeys: ['l'], quiz: { key: 'q', passMark: 1, maxAttempts: 1 }, scenarioKey: null }],
  followUpDelayDays: 0,
  hasThenTest: false,
};

let actions: Action[] = [];
let scope: Scope | undefined;

function inertScope(): Scope {
  if (!scope) {
    const self = createActor(journeyMachine, { input: INERT_OUTLINE });
    scope = {
      self, system: self.system, id: '', sessionId: '',
      defer: () => undefined, logger: () => undefined, stopChild: () => undefined, emit: () => undefined,
      actionExecutor: (action) => void actions.push(action),
    };
  }
  return scope;
}

/** The machine's next snapshot for an event and the actions it would run (not run), like xstate's `transition()`. */
export function pureTransition(snapshot: LiveJourneySnapshot, event: JourneyEvent): [LiveJourneySnapshot, Action[]] {
  actions = [];
  const next = journeyMachine.transition(snapshot, event, inertScope());
  return [next, actions];
}

/** The machine's first snapshot for an outline, like xstate's `initialTransition()`. */
export function pureInitialTransition(outline: JourneyOutline): LiveJourneySnapshot {
  actions = [];
  return journeyMachine.getInitialSnapshot(inertScope(), outline);
}
