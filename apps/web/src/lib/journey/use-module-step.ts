import { useParams } from 'wouter';
import { useJourney } from './journey-context';
import { findModule } from './outline-lookup';
import { useStepGate } from './use-journey-step';

/**
 * A module's own step page (its quiz, its scenario): the module key from the route, the module as the outline numbers
 * it, the learner's progress in it and the machine's answer to "may I open it?" (null: yes).
 */
export function useModuleStep(kind: 'quiz' | 'scenario') {
  const { moduleKey = '' } = useParams();
  const journey = useJourney();
  const gate = useStepGate({ kind, moduleKey });
  const found = findModule(journey.outline, moduleKey);
  const progress = journey.view.modules.find((m) => m.key === moduleKey);
  return { ...journey, moduleKey, gate, found, progress };
}
