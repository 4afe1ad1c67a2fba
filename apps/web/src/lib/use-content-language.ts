import { type Language, useTranslation } from './i18n';

/** The language course content is requested in (`?lang=`): the one the interface is shown in. */
export function useContentLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'es';
}

/** Dates as learners read them: "1 de noviembre de 2026" / "1 November 2026". */
export function formatDate(value: string | number | Date, language: string): string {
  // Date-only strings (2026-11-01) are calendar days: format them in UTC so no time zone moves them a day.
  const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = dateOnly ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'es-PE', { dateStyle: 'long', ...(dateOnly ? { timeZone: 'UTC' } : {}) }).format(date);
}
