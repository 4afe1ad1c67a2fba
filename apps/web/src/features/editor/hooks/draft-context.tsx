import { type Course, findItem, type ItemKind, type ItemValue, itemId, replaceItem, type TextEditIndex } from '#curriculum';
import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { requiredContext } from '../../../lib/required-context';
import type { DraftData, ItemRevision, SavedItem, TextEdit, VersionSummary } from '../api/editor-api';

export interface DraftState {
  version: VersionSummary;
  course: Course;
  revisions: Record<string, ItemRevision>;
  textEdits: TextEditIndex;
}

interface DraftContextValue extends DraftState {
  /** Published versions open read-only. */
  readOnly: boolean;
  /** Records a save the server confirmed: the item's value, its revision and its texts' edit times. */
  saved(kind: ItemKind, key: string, value: ItemValue, saved: SavedItem): void;
  textConfirmed(edit: TextEdit): void;
  reload(): void;
  /** Registers a save in flight, so that a check of the whole draft can wait for it (see settled). */
  track(save: Promise<unknown>): void;
  /** Resolves once every save in flight has finished. */
  settled(): Promise<void>;
}

const [DraftContext, useDraft] = requiredContext<DraftContextValue>('useDraft must be used inside DraftProvider');
export { useDraft };

const timesOf = (edit: TextEdit) => ({
  ...(edit.es === undefined ? {} : { es: edit.es }), ...(edit.en === undefined ? {} : { en: edit.en }), ...(edit.synced === undefined ? {} : { synced: edit.synced }),
});

export function indexTextEdits(edits: TextEdit[], into: TextEditIndex = {}): TextEditIndex {
  for (const edit of edits) into[edit.itemId] = { ...into[edit.itemId], [edit.textId]: timesOf(edit) };
  return into;
}

export function initialDraftState(data: DraftData): DraftState {
  return {
    version: data.version,
    course: data.course,
    revisions: Object.fromEntries(data.revisions.map((r) => [r.itemId, r])),
    textEdits: indexTextEdits(data.textEdits),
  };
}

/** The open draft, shared by the outline, the item editors and the review page. */
export function DraftProvider({ data, reload, children }: { data: DraftData; reload: () => void; children: ReactNode }) {
  const [state, setState] = useState(() => initialDraftState(data));

  const saved = useCallback((kind: ItemKind, key: string, value: ItemValue, result: SavedItem) => {
    setState((current) => {
      const course = structuredClone(current.course);
      replaceItem(course, kind, key, value);
      const { value: _value, textEdits, ...revision } = result;
      return {
        ...current,
        course,
        revisions: { ...current.revisions, [result.itemId]: revision },
        textEdits: indexTextEdits(textEdits, { ...current.textEdits }),
      };
    });
  }, []);

  const textConfirmed = useCallback((edit: TextEdit) => {
    setState((current) => ({ ...current, textEdits: indexTextEdits([edit], { ...current.textEdits }) }));
  }, []);

  const inFlight = useRef(new Set<Promise<unknown>>());
  const track = useCallback((save: Promise<unknown>) => {
    inFlight.current.add(save);
    void save.finally(() => inFlight.current.delete(save)).catch(() => undefined);
  }, []);
  const settled = useCallback(async () => {
    while (inFlight.current.size > 0) await Promise.allSettled([...inFlight.current]);
  }, []);

  const value = useMemo<DraftContextValue>(
    () => ({ ...state, readOnly: state.version.status === 'published', saved, textConfirmed, reload, track, settled }),
    [state, saved, textConfirmed, reload, track, settled],
  );
  return <DraftContext.Provider value={value}>{children}</DraftContext.Provider>;
}


/** The item as the draft holds it, with its id and current revision. */
export function useDraftItem(kind: ItemKind, key: string) {
  const draft = useDraft();
  const item = findItem(draft.course, kind, key);
  const id = itemId(kind, key);
  return { item, id, revision: draft.revisions[id]?.revision ?? 0 };
}
