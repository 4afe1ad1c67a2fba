import { draftItems, translationFlags, type TranslationFlag } from '#curriculum';
import { useMemo } from 'react';
import { useDraft } from './draft-context';

/** Untranslated and stale texts of the draft, by item id. */
export function useTranslationFlags(): { all: TranslationFlag[]; byItem: Map<string, TranslationFlag[]> } {
  const { course, textEdits } = useDraft();
  return useMemo(() => {
    const all = translationFlags(draftItems(course), textEdits);
    const byItem = new Map<string, TranslationFlag[]>();
    for (const flag of all) byItem.set(flag.itemId, [...(byItem.get(flag.itemId) ?? []), flag]);
    return { all, byItem };
  }, [course, textEdits]);
}
