// Every Spanish/English pair inside an item, named by a path of keys (not positions), so an edit timestamp stays on
// its text when options or nodes are reordered. The API stores when each language of each text was last edited;
// from that, a translation is "stale" when the other language changed after it, and "untranslated" when empty.
import { LOCALES, type Locale, type LocalizedText } from './course-schema.js';
import type { DraftItem } from './draft-items.js';

export interface LocalizedTextAt {
  /** e.g. `body`, `options.b.feedback`, `nodes.n3.choices.a.text`, `objectives.1`. */
  textId: string;
  value: LocalizedText;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A `{ es, en }` pair (both strings, nothing else). */
export function isLocalizedText(value: unknown): value is LocalizedText {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && LOCALES.every((locale) => typeof value[locale] === 'string');
}

/** The localized texts of an item value, in document order. List entries are named by their `key` when they have one. */
export function localizedTexts(value: unknown): LocalizedTextAt[] {
  const found: LocalizedTextAt[] = [];
  const walk = (node: unknown, path: string[]): void => {
    if (isLocalizedText(node)) {
      found.push({ textId: path.join('.'), value: node });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((entry, index) => {
        const key = isRecord(entry) && typeof entry.key === 'string' ? entry.key : String(index);
        walk(entry, [...path, key]);
      });
    } else if (isRecord(node)) {
      for (const [name, inner] of Object.entries(node)) walk(inner, [...path, name]);
    }
  };
  walk(value, []);
  return found;
}

export interface TextChange {
  textId: string;
  locale: Locale;
}

/** The languages of the texts that differ between two versions of one item (a new text counts in both languages it has). */
export function changedTexts(before: unknown, after: unknown): TextChange[] {
  const old = new Map(localizedTexts(before).map((entry) => [entry.textId, entry.value]));
  const changes: TextChange[] = [];
  for (const { textId, value } of localizedTexts(after)) {
    for (const locale of LOCALES) {
      const previous = old.get(textId)?.[locale];
      if (previous !== value[locale] && value[locale].trim() !== '') changes.push({ textId, locale });
    }
  }
  return changes;
}

/**
 * When each language of a text was last edited, and when the two were last known to say the same thing (ms since
 * epoch). Nothing recorded: not edited since the version was imported, so nothing is stale.
 */
export interface TextEditTimes {
  es?: number;
  en?: number;
  /** The last edit that brought both languages in line: both edited together, a stale one updated, or confirmed. */
  synced?: number;
}
/** itemId → textId → edit times. */
export type TextEditIndex = Record<string, Record<string, TextEditTimes>>;

export type TranslationState = 'ok' | 'untranslated' | 'stale';

export interface TranslationFlag {
  itemId: string;
  textId: string;
  /** The language that needs work: empty (untranslated) or older than the other language's last change (stale). */
  locale: Locale;
  state: Exclude<TranslationState, 'ok'>;
}

const other = (locale: Locale): Locale => (locale === 'es' ? 'en' : 'es');

/** True when the other language changed after the two last agreed (see TextEditTimes). */
const isBehind = (times: TextEditTimes | undefined, locale: Locale): boolean => {
  const changed = times?.[other(locale)];
  return changed !== undefined && changed > (times?.synced ?? Number.NEGATIVE_INFINITY);
};

/** The state of one language of one text. */
export function translationState(value: LocalizedText, times: TextEditTimes | undefined, locale: Locale): TranslationState {
  if (value[locale].trim() === '') return value[other(locale)].trim() === '' ? 'ok' : 'untranslated';
  return isBehind(times, locale) ? 'stale' : 'ok';
}

/**
 * The times after an edit of `locales` at `at`. An edit of one language makes the other stale, unless the edited
 * language was itself stale: then the author, who sees both side by side, brought it in line, and the two agree.
 */
export function recordTextEdit(times: TextEditTimes | undefined, locales: readonly Locale[], at: number): TextEditTimes {
  const next: TextEditTimes = { ...times };
  const catchUp = locales.length === LOCALES.length || locales.some((locale) => isBehind(times, locale));
  for (const locale of locales) next[locale] = at;
  if (catchUp) next.synced = at;
  return next;
}

/** An editor confirms that a stale language still says the same as the other one (no text changes). */
export function confirmTranslation(times: TextEditTimes | undefined, locale: Locale, at: number): TextEditTimes {
  return isBehind(times, locale) ? { ...times, synced: at } : { ...times };
}

/** Every text of the items that is untranslated or stale in a language. */
export function translationFlags(items: readonly Pick<DraftItem, 'id' | 'value'>[], edits: TextEditIndex): TranslationFlag[] {
  const flags: TranslationFlag[] = [];
  for (const item of items) {
    for (const { textId, value } of localizedTexts(item.value)) {
      for (const locale of LOCALES) {
        const state = translationState(value, edits[item.id]?.[textId], locale);
        if (state !== 'ok') flags.push({ itemId: item.id, textId, locale, state });
      }
    }
  }
  return flags;
}
