import type { ItemKind, ItemValue } from '#curriculum';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api/api-client';
import { type Problem, saveItem } from '../api/editor-api';
import { useDraft } from './draft-context';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'invalid' | 'conflict' | 'failed';

/** Another editor's save that arrived first: who, when, and their version of the item. */
export interface Conflict {
  revision: number;
  updatedBy: string | null;
  updatedAt: string | null;
  value: ItemValue;
}

/** The server's details of a DRAFT_ITEM_CONFLICT: the colleague's saved version of the item. */
const isConflict = (details: Record<string, unknown> | undefined): details is Record<string, unknown> & Conflict =>
  typeof details?.revision === 'number' && typeof details.value === 'object' && details.value !== null;

export const AUTOSAVE_DELAY_MS = 800;

/**
 * An item being edited: the local value, saved automatically a moment after the last change, one request at a time.
 * Each save names the revision it started from; when a colleague saved first the server answers 409 and the editor
 * sees their version before deciding (keep mine on top, or take theirs). A well-formedness problem (400) is shown and
 * waits for the next change; a network failure waits for "save now". Leaving the item saves what is pending.
 */
export function useAutosave<V extends ItemValue>(kind: ItemKind, key: string, initial: V, initialRevision: number) {
  const { version, saved, reload, readOnly, track } = useDraft();
  const [value, setValue] = useState<V>(initial);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<unknown>(null);
  const base = useRef(initialRevision);
  const latest = useRef<V>(initial);
  const dirty = useRef(false);
  const blocked = useRef(false); // a conflict waits for the editor's decision
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);
  const ifMounted = (update: () => void) => mounted.current && update();

  const send = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    if (!dirty.current || blocked.current || readOnly) return;
    dirty.current = false;
    const sending = latest.current;
    const run = (async () => {
      ifMounted(() => setStatus('saving'));
      try {
        const result = await saveItem(version.id, kind, key, sending, base.current);
        base.current = result.revision;
        saved(kind, key, sending, result);
        ifMounted(() => {
          setProblems([]);
          setError(null);
          setStatus(dirty.current ? 'unsaved' : 'saved');
        });
      } catch (e) {
        if (e instanceof ApiError && e.code === 'DRAFT_ITEM_CONFLICT' && isConflict(e.details)) {
          blocked.current = true;
          dirty.current = true;
          const details = e.details;
          ifMounted(() => {
            setConflict(details);
            setStatus('conflict');
          });
        } else if (e instanceof ApiError && e.code === 'DRAFT_INVALID') {
          ifMounted(() => {
            setProblems(((e.details?.problems ?? []) as Problem[]));
            setStatus('invalid');
          });
        } else {
          dirty.current = true;
          ifMounted(() => {
            setError(e);
            setStatus('failed');
          });
        }
      }
    })();
    inFlight.current = run;
    track(run);
    await run;
    inFlight.current = null;
  }, [version.id, kind, key, saved, readOnly, track]);

  const change = useCallback((next: V) => {
    latest.current = next;
    dirty.current = true;
    setValue(next);
    if (!blocked.current) setStatus('unsaved');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void send(), AUTOSAVE_DELAY_MS);
  }, [send]);

  /** Save mine on top of the colleague's version (after seeing it). */
  const keepMine = useCallback(() => {
    if (!conflict) return;
    base.current = conflict.revision;
    blocked.current = false;
    dirty.current = true;
    setConflict(null);
    void send();
  }, [conflict, send]);

  /** Drop my changes and open the draft as it is now. */
  const takeTheirs = useCallback(() => {
    blocked.current = false;
    dirty.current = false;
    reload();
  }, [reload]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (dirty.current && !blocked.current) void send();
    };
  }, [send]);

  return { value, change, status, problems, conflict, error, saveNow: send, keepMine, takeTheirs, readOnly };
}

export type Autosave<V extends ItemValue> = ReturnType<typeof useAutosave<V>>;
