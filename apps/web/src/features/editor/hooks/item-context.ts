import type { ItemKind } from '#curriculum';
import { createContext, useContext } from 'react';

/** The item an editor page has open: bilingual fields read its translation state and confirm translations through it. */
export interface ItemContextValue {
  kind: ItemKind;
  itemKey: string;
  id: string;
  /** True when nothing is waiting to be saved (a translation is confirmed against what the server holds). */
  settled: boolean;
  readOnly: boolean;
}

export const ItemContext = createContext<ItemContextValue | null>(null);

export function useItemContext(): ItemContextValue {
  const item = useContext(ItemContext);
  if (!item) throw new Error('useItemContext must be used inside an item editor');
  return item;
}
