import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api/api-client';
import { apiCall } from './api/call';
import { isRetryable } from './api/idempotency';
import { connection } from './offline/connection';
import { deleteLocalDraft, readLocalDraft, writeLocalDraft } from './offline/draft-store';

/** 'phone': every answer is saved on this phone, some not yet on the server (offline: they go when it is back). */
export type SaveState = 'idle' | 'saving' | 'saved' | 'phone' | 'error';
export type DraftAnswers = Record<string, unknown>;
/** Where one answer is: only on this phone, or sent to the server. */
export type AnswerState = 'phone' | 'sent';

const SAVE_DELAY_MS = 600;
const RETRY_DELAY_MS = 5000;

/**
 * In-progress answers. Each answer is written to this phone (IndexedDB) at once, then autosaved to the server
 * (debounced) so that a reload, a dropped connection, a closed browser or another phone finds them again. Values are
 * kept as the server stores them (unknown): readers validate them against the items.
 */
export function useDraft(enrolmentId: string, target: string) {
  const [answers, setAnswers] = useState<DraftAnswers>({});
  const [loaded, setLoaded] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  /** Questions whose answer the server does not have yet. */
  const [unsent, setUnsent] = useState<ReadonlySet<string>>(new Set());
  const latest = useRef<DraftAnswers>({});
  const pending = useRef(new Set<string>());
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());
  const onPhone = useRef<Promise<unknown>>(Promise.resolve());
  /** Unsaved changes put on hold while a submission is under way. */
  const held = useRef(false);
  /** The answers went into a submission: nothing more is saved for this attempt. */
  const closed = useRef(false);

  const keepOnPhone = useCallback(() => {
    const answersNow = latest.current;
    const pendingNow = [...pending.current];
    setUnsent(new Set(pendingNow));
    onPhone.current = onPhone.current.then(() => writeLocalDraft(enrolmentId, target, answersNow, pendingNow)).catch(() => undefined);
  }, [enrolmentId, target]);

  useEffect(() => {
    let current = true;
    setLoaded(false);
    closed.current = false;
    const fromServer = apiCall(() => api.GET('/api/enrolments/{enrolmentId}/drafts/{target}', { params: { path: { enrolmentId, target } } }));
    void Promise.allSettled([fromServer, readLocalDraft(enrolmentId, target)]).then(([server, local]) => {
      if (!current) return;
      const mine = local.status === 'fulfilled' ? local.value : null;
      // The server's copy is the latest from any phone; this phone's answers it never received are laid over it.
      // Without the server, this phone's copy is all there is.
      const base = server.status === 'fulfilled' ? (server.value.answers ?? {}) : (mine?.answers ?? {});
      const mineUnsent = Object.fromEntries((mine?.pending ?? []).filter((k) => k in (mine?.answers ?? {})).map((k) => [k, mine!.answers[k]]));
      latest.current = { ...base, ...mineUnsent };
      pending.current = new Set(Object.keys(mineUnsent));
      setAnswers(latest.current);
      setUnsent(new Set(pending.current));
      if (pending.current.size) {
        dirty.current = true;
        setSaveState('phone');
        timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
      }
      setLoaded(true);
    });
    return () => {
      current = false;
    };
    // save is the same function for as long as enrolmentId and target are.
  }, [enrolmentId, target]);

  const save = useCallback(
    (keepalive = false): Promise<unknown> => {
      clearTimeout(timer.current);
      timer.current = undefined;
      if (!dirty.current || closed.current) return inFlight.current;
      dirty.current = false;
      setSaveState('saving');
      const sent = latest.current;
      const keys = [...pending.current];
      // Saves run one after another, so the server always ends with the latest answers.
      inFlight.current = inFlight.current
        .catch(() => undefined)
        .then(() => apiCall(() => api.PUT('/api/enrolments/{enrolmentId}/drafts/{target}', { params: { path: { enrolmentId, target } }, body: { answers: sent }, keepalive })))
        .then(
          () => {
            for (const key of keys) if (latest.current[key] === sent[key]) pending.current.delete(key);
            if (!closed.current) keepOnPhone();
            if (!dirty.current) setSaveState('saved');
          },
          (error: unknown) => {
            // Offline or a busy server: the answers are on this phone; try again shortly and when the connection returns.
            if (!isRetryable(error)) return setSaveState('error');
            setSaveState('phone');
            dirty.current = true;
            timer.current = setTimeout(() => void save(), RETRY_DELAY_MS);
          },
        );
      return inFlight.current;
    },
    [enrolmentId, target, keepOnPhone],
  );

  useEffect(
    () =>
      connection.subscribe(() => {
        if (connection.isOnline() && dirty.current) void save();
      }),
    [save],
  );

  const setAnswer = useCallback(
    (key: string, value: unknown) => {
      latest.current = { ...latest.current, [key]: value };
      pending.current.add(key);
      setAnswers(latest.current);
      keepOnPhone();
      dirty.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
    },
    [save, keepOnPhone],
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
    await Promise.all([inFlight.current.catch(() => undefined), onPhone.current]);
  }, []);

  const forgetHere = useCallback(() => {
    closed.current = true;
    held.current = false;
    dirty.current = false;
    pending.current.clear();
    setUnsent(new Set());
    setSaveState('idle');
    onPhone.current = onPhone.current.then(() => deleteLocalDraft(enrolmentId, target)).catch(() => undefined);
  }, [enrolmentId, target]);

  /** The server accepted the answers and deleted the draft; or they wait in the queue, which holds them now. */
  const markSubmitted = forgetHere;

  /** After a failed submission: save what was stopped by settle(). */
  const resume = useCallback(() => {
    if (held.current) dirty.current = true;
    held.current = false;
    if (dirty.current) timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
  }, [save]);

  /** A new attempt starts empty: the server deleted the submitted draft, so only the local copies need forgetting. */
  const clear = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    forgetHere();
    closed.current = false;
    latest.current = {};
    setAnswers({});
  }, [forgetHere]);

  /** The server refused answers that waited in the queue: they come back into the form, to be checked and sent again. */
  const restore = useCallback(
    (restored: DraftAnswers) => {
      closed.current = false;
      latest.current = { ...restored, ...latest.current };
      for (const key of Object.keys(restored)) pending.current.add(key);
      setAnswers(latest.current);
      keepOnPhone();
      dirty.current = true;
      timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
    },
    [save, keepOnPhone],
  );

  /** Sends what is pending now (e.g. before leaving with "continue later") and resolves when it is saved or failed. */
  const saveNow = useCallback(() => save(), [save]);

  const answerState = useCallback(
    (key: string): AnswerState | undefined => (latest.current[key] === undefined ? undefined : unsent.has(key) ? 'phone' : 'sent'),
    [unsent],
  );

  return { answers, loaded, saveState, answerState, setAnswer, settle, markSubmitted, resume, clear, restore, saveNow };
}

/** Option keys of a knowledge/quiz answer, or [] when the stored value is not one. */
export const optionKeysOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** A 1–5 rating, or undefined when the stored value is not one. */
export const ratingOf = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? value : undefined;
