import i18n from '../../lib/i18n';

// The editor's strings travel with the editor's chunk (nothing of them in the learner's first download): both
// languages are small, and loading the other one when the reader switches language keeps the page translated.
const loaders = {
  es: () => import('../../locales/es/editor.json').then((m) => m.default),
  en: () => import('../../locales/en/editor.json').then((m) => m.default),
};
const loaded = new Set<string>();

/** True when the strings were not there yet. */
async function ensure(language: string): Promise<boolean> {
  const lang = language === 'en' ? 'en' : 'es';
  if (loaded.has(lang)) return false;
  i18n.addResourceBundle(lang, 'translation', { editor: await loaders[lang]() });
  loaded.add(lang);
  return true;
}

let listening = false;

/** Loads the editor's strings for the current language, and for any language chosen later. */
export async function loadEditorStrings(): Promise<void> {
  if (!listening) {
    listening = true;
    // The switch does not wait for these strings: once they arrive, announcing the language again re-renders the page.
    i18n.on('languageChanged', (language) => void ensure(language).then((added) => { if (added) void i18n.changeLanguage(language); }));
  }
  await ensure(i18n.language);
}
