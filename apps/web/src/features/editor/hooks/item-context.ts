import type { ItemKind } from '#curriculum';
import { requiredContext } from '../../../lib/required-context';

/** The item an editor page has open: bilingual fields read its translation state and confirm translations through it. */
export interface ItemContextValue {
  kind: ItemKind;
  itemKey: string;
  id: string;
  /** True when nothing is waiting to be saved (a translation is confirmed against what the server holds). */
  settled: boolean;
  readOnly: boolean;
}

export const [ItemContext, useItemContext] = requiredContext<ItemContextValue>('useItemContext must be used inside an item editor');
