import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enCommon from '../locales/en/common.json';
import enLearn from '../locales/en/learn.json';
import enTrainer from '../locales/en/trainer.json';
import esCommon from '../locales/es/common.json';
import esLearn from '../locales/es/learn.json';
import esTrainer from '../locales/es/trainer.json';

// One file per area so features can grow their strings without editing each other's; merged into one namespace.
const es = { ...esCommon, learn: esLearn, trainer: esTrainer };
const en = { ...enCommon, learn: enLearn, trainer: enTrainer };

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'respeta.lang';

function initialLanguage(): Language {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return saved === 'en' || saved === 'es' ? saved : 'es'; // Spanish first: most learners read Spanish.
}

void i18n.use(initReactI18next).init({
  resources: { es: { translation: es }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'es',
  interpolation: { escapeValue: false },
});

export function changeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

export default i18n;
