// What changed between two versions of a course, item by item: what trainers read before moving a cohort to a newer
// version, and what the review page diffs before publishing.
import { canonicalJson } from './canonical-json.js';
import type { Course, LocalizedText } from './course-schema.js';
import { draftItems, type ItemKind } from './draft-items.js';
import { changedTexts, type TextChange } from './localized-texts.js';

export type ItemChangeKind = 'changed' | 'added' | 'removed';

export interface ItemChange {
  kind: ItemKind;
  key: string;
  id: string;
  change: ItemChangeKind;
  label: LocalizedText;
}

/** Items added, removed or changed from `before` to `after`, in the order of `after` (removed ones last). */
export function changedItems(before: Course, after: Course): ItemChange[] {
  const old = new Map(draftItems(before).map((item) => [item.id, item]));
  const changes: ItemChange[] = [];
  const seen = new Set<string>();
  for (const item of draftItems(after)) {
    seen.add(item.id);
    const previous = old.get(item.id);
    const change: ItemChangeKind | null = !previous ? 'added' : canonicalJson(previous.value) === canonicalJson(item.value) ? null : 'changed';
    if (change) changes.push({ kind: item.kind, key: item.key, id: item.id, change, label: item.label });
  }
  for (const item of old.values()) {
    if (!seen.has(item.id)) changes.push({ kind: item.kind, key: item.key, id: item.id, change: 'removed', label: item.label });
  }
  return changes;
}

export interface ItemEdit {
  id: string;
  kind: ItemKind;
  key: string;
  /** The languages of the texts that changed (empty when only non-text fields did, e.g. a correct answer). */
  texts: TextChange[];
}

/** The items whose value differs between two states of a draft, with the texts that changed in each. */
export function itemEdits(before: Course, after: Course): ItemEdit[] {
  const old = new Map(draftItems(before).map((item) => [item.id, item.value]));
  return draftItems(after).flatMap((item) => {
    const previous = old.get(item.id);
    if (previous !== undefined && canonicalJson(previous) === canonicalJson(item.value)) return [];
    return [{ id: item.id, kind: item.kind, key: item.key, texts: changedTexts(previous, item.value) }];
  });
}
