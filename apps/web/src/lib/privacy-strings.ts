import { useEffect, useState } from 'react';
import i18n, { type Language, useTranslation } from './i18n';

// "Mis datos", the audit log's action names and the deletion error: loaded by the pages that show them (the learner's
// first download stays within its budget). Not in lib/i18n.ts, whose code is part of that download.
const bundles = {
  es: () => import('../locales/es/my-data.json').then((m) => m.default),
  en: () => import('../locales/en/my-data.json').then((m) => m.default),
};
const loaded = new Set<Language>();

async function load(language: Language): Promise<void> {
  // Spanish always: the admin's list of actions reads its keys, whatever the language shown.
  for (const lang of new Set<Language>(['es', language])) {
    if (loaded.has(lang)) continue;
    i18n.addResourceBundle(lang, 'translation', await bundles[lang]());
    loaded.add(lang);
  }
}

/** True once the privacy strings of the current language are present (loads them, also after a language switch). */
export function usePrivacyStrings(): boolean {
  const { i18n: instance } = useTranslation();
  const language = (instance.language === 'en' ? 'en' : 'es') as Language;
  const [, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    if (!loaded.has(language) || !loaded.has('es')) void load(language).then(() => live && setTick((n) => n + 1));
    return () => {
      live = false;
    };
  }, [language]);
  return loaded.has(language) && loaded.has('es');
}
