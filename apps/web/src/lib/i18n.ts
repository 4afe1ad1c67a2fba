import { useMemo, useSyncExternalStore } from 'react';
import { type TFunction, Translator } from './translator';
import esCommon from '../locales/es/common.json';
import esLearn from '../locales/es/learn.json';

// One file per area and language. Only Spanish common strings and the learner's home page ship in the first download
// (most learners read Spanish on slow phones); the course player's strings come with its chunk, English and the staff
// strings when needed.
export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'respeta.lang';

const loaders = {
  en: () => Promise.all([import('../locales/en/common.json'), import('../locales/en/learn.json')]).then(([c, l]) => ({ ...c.default, learn: l.default })),
  trainer: {
    es: () => import('../locales/es/trainer.json').then((m) => m.default),
    en: () => import('../locales/en/trainer.json').then((m) => m.default),
  },
  player: {
    es: () => import('../locales/es/player.json').then((m) => m.default),
    en: () => import('../locales/en/player.json').then((m) => m.default),
  },
};
const loaded = new Set<string>(['es']);
let staffStrings = false;
let playerStrings = false;

function initialLanguage(): Language {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return saved === 'en' || saved === 'es' ? saved : 'es';
}

const i18n = new Translator(initialLanguage(), 'es');
i18n.addResourceBundle('es', 'translation', { ...esCommon, learn: esLearn });

/** The current language's messages; the component re-renders when the language or the loaded messages change. */
export function useTranslation(): { t: TFunction; i18n: Translator } {
  const revision = useSyncExternalStore(i18n.subscribe, () => i18n.revision);
  // A new `t` per revision, so memoised children and effects that depend on it see the change.
  const t = useMemo<TFunction>(() => (key, options) => i18n.t(key, options), [revision]);
  return { t, i18n };
}

/** Makes sure a language's strings (and the staff strings, once wanted) are present before it is shown. */
export async function ensureLanguage(language: Language): Promise<void> {
  if (!loaded.has(language) && language === 'en') {
    i18n.addResourceBundle('en', 'translation', await loaders.en());
    loaded.add('en');
  }
  if (staffStrings && !loaded.has(`trainer:${language}`)) {
    i18n.addResourceBundle(language, 'translation', { trainer: await loaders.trainer[language]() });
    loaded.add(`trainer:${language}`);
  }
  if (playerStrings && !loaded.has(`player:${language}`)) {
    // Deep-merged into `learn`, next to the home page's strings.
    i18n.addResourceBundle(language, 'translation', { learn: await loaders.player[language]() });
    loaded.add(`player:${language}`);
  }
}

/** Called with the course player's chunk (and the verification page): its strings for the current language and any later. */
export async function loadPlayerStrings(): Promise<void> {
  playerStrings = true;
  await ensureLanguage(i18n.language as Language);
}

/** Called by the staff route chunks: trainer/admin strings for the current language (and any chosen later). */
export async function loadStaffStrings(): Promise<void> {
  staffStrings = true;
  await ensureLanguage(i18n.language as Language);
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await ensureLanguage(language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

export default i18n;
