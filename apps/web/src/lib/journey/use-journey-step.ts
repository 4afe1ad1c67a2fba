import { useCallback, useState } from 'react';
import { whyNotStep, type JourneyStep, type RejectionCode } from '#journey';
import { useContentLanguage } from '../use-content-language';
import { useJourney } from './journey-context';
import type { ActOutcome, Started } from './journey-driver';
import type { ResultOf, Submission } from './journey-submit';

/**
 * "May I take this step now?", answered by libs/journey for the browser actor's snapshot: null, or the rejection
 * code the server would answer (pages translate it as `errors.<code>`). Pages hold no availability rules of their own.
 */
export function useStepGate(step: JourneyStep): RejectionCode | null {
  const { snapshot } = useJourney();
  return whyNotStep(snapshot, step, Date.now());
}

/**
 * One page's way to act on the path: `run` sends the action to the actor and the server (see journey-driver.ts) and
 * returns at once with the optimistic view; `busy` and `error` follow its outcome. A 409 is not repeated here: the
 * journey notice says what the server refused and the page re-renders from the server's journey.
 */
export function useJourneyAction() {
  const { driver } = useJourney();
  const lang = useContentLanguage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(
    <S extends Submission>(submission: S): Started<ResultOf<S>> => {
      const started = driver.act(submission, lang);
      setError(null);
      setBusy(true);
      const outcome = started.outcome.then((result: ActOutcome<ResultOf<S>>) => {
        setBusy(false);
        const shown = result.status !== 'sent' && !(result.status === 'refused' && started.accepted && result.error.status === 409);
        if (shown) setError(result.error);
        return result;
      });
      return { ...started, outcome };
    },
    [driver, lang],
  );
  return { run, busy, error };
}
