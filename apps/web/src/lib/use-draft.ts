import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api/api-client';
import { apiCall } from './api/call';
import { isRetryable } from './api/idempotency';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';
export type DraftAnswers = Record<string, unknown>;

const SAVE_DELAY_MS = 600;
const RETRY_DELAY_MS = 5000;

/**
 * In-progress answers, autosaved to the server (debounced) so that a reload, a dropped connection or another phone
 * finds them again. Values are kept as the server stores them (unknown): readers validate them against the items.
 */
export function useDraft(enrolmentId: string, target: string) {
  const [answers, setAnswers] = useState<DraftAnswers>({});
  const [loaded, setLoaded] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const latest = useRef<DraftAnswers>({});
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());
  /** Unsaved changes put on hold while a submission is under way. */
  const held = useRef(false);

  useEffect(() => {
    let current = true;
    setLoaded(false);
    apiCall(() => api.GET('/api/enrolments/{enrolmentId}/drafts/{target}', { params: { path: { enrolmentId, target } } }))
      .then((draft) => {
        if (!current) return;
        latest.current = draft.answers ?? {};
        setAnswers(latest.current);
      })
      .catch(() => undefined) // no draft reachable: start empty, saving will retry
      .finally(() => current && setLoaded(true));
    return () => {
      current = false;
    };
  }, [enrolmentId, target]);

  const save = useCallback(
    (keepalive = false): Promise<unknown> => {
      clearTimeout(timer.current);
      timer.current = undefined;
      if (!dirty.current) return inFlight.current;
      dirty.current = false;
      setSaveState('saving');
      const body = { answers: latest.current };
      // Saves run one after another, so the server always ends with the latest answers.
      inFlight.current = inFlight.current
        .catch(() => undefined)
        .then(() => apiCall(() => api.PUT('/api/enrolments/{enrolmentId}/drafts/{target}', { params: { path: { enrolmentId, target } }, body, keepalive })))
        .then(
          () => !dirty.current && setSaveState('saved'),
          (error: unknown) => {
            setSaveState('error');
            // Offline or a busy server: try again shortly. A refusal (4xx) would only be refused again.
            if (!isRetryable(error)) return;
            dirty.current = true;
            timer.current = setTimeout(() => void save(), RETRY_DELAY_MS);
          },
        );
      return inFlight.current;
    },
    [enrolmentId, target],
  );

  const setAnswer = useCallback(
    (key: string, value: unknown) => {
      latest.current = { ...latest.current, [key]: value };
      setAnswers(latest.current);
      dirty.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
    },
    [save],
  );

  // Leaving the page (in the app or closing the tab) sends what is still pending.
  useEffect(() => {
    const flush = () => void save(true);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [save]);

  /** Before submitting: stop the pending save and wait for the one on its way (a late save would revive the draft). */
  const settle = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    held.current = dirty.current;
    dirty.current = false;
    await inFlight.current.catch(() => undefined);
  }, []);

  /** The server accepted the answers and deleted the draft: nothing is pending any more. */
  const markSubmitted = useCallback(() => {
    held.current = false;
    setSaveState('idle');
  }, []);

  /** After a failed submission: save what was stopped by settle(). */
  const resume = useCallback(() => {
    if (held.current) dirty.current = true;
    held.current = false;
    if (dirty.current) timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
  }, [save]);

  /** A new attempt starts empty: the server deleted the submitted draft, so only the local copy needs forgetting. */
  const clear = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    dirty.current = false;
    held.current = false;
    latest.current = {};
    setAnswers({});
    setSaveState('idle');
  }, []);

  /** Sends what is pending now (e.g. before leaving with "continue later") and resolves when it is saved or failed. */
  const saveNow = useCallback(() => save(), [save]);

  return { answers, loaded, saveState, setAnswer, settle, markSubmitted, resume, clear, saveNow };
}

/** Option keys of a knowledge/quiz answer, or [] when the stored value is not one. */
export const optionKeysOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** A 1–5 rating, or undefined when the stored value is not one. */
export const ratingOf = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? value : undefined;
