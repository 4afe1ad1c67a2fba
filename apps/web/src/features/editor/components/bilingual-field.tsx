import { type LocalizedText, translationState } from '#curriculum';
import { type ReactNode, useId } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { StaffError } from '../../../components/staff/staff-error';
import { useBusyAction } from '../../../lib/use-busy-action';
import { confirmTranslation } from '../api/editor-api';
import { useDraft } from '../hooks/draft-context';
import { useItemContext } from '../hooks/item-context';

const LOCALES = ['es', 'en'] as const;

/**
 * One text in Spanish and English side by side. Each language says when it is untranslated (empty) or stale (the
 * other language changed after it): a stale language is fixed by editing it, or confirmed as still right.
 */
export function BilingualField({ label, textId, value, onChange, rows = 0, hint, below }: {
  label: string;
  /** The text's id inside the item (`body`, `options.b.feedback`…), as the server stamps its edit times. */
  textId: string;
  value: LocalizedText;
  onChange: (next: LocalizedText) => void;
  /** 0: one line; otherwise a text area with that many rows. */
  rows?: number;
  hint?: string;
  /** Extra content under each language (a preview, statistics). */
  below?: (locale: 'es' | 'en') => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const item = useItemContext();
  const { version, textEdits, textConfirmed } = useDraft();
  const { busy, error, run } = useBusyAction();
  const times = textEdits[item.id]?.[textId];

  return (
    <fieldset className="bilingual" id={`field-${textId}`}>
      <legend>{label}</legend>
      {hint && <p className="hint">{hint}</p>}
      <div className="bilingual__columns">
        {LOCALES.map((locale) => {
          const state = translationState(value, times, locale);
          const inputId = `${id}-${locale}`;
          const flagId = `${inputId}-flag`;
          const common = {
            id: inputId, lang: locale, value: value[locale], readOnly: item.readOnly,
            'aria-describedby': state === 'ok' ? undefined : flagId,
            onChange: (e: { target: { value: string } }) => onChange({ ...value, [locale]: e.target.value }),
          };
          return (
            <div key={locale} className={`bilingual__column bilingual__column--${state}`} id={`field-${textId}.${locale}`}>
              <label htmlFor={inputId}>{t(`language.${locale}`)}</label>
              {rows > 0 ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />}
              {state !== 'ok' && (
                <p id={flagId} className={`flag flag--${state}`}>
                  {t(`editor.translation.${state}`, { other: t(`editor.languageNames.${locale === 'es' ? 'en' : 'es'}`) })}
                  {state === 'stale' && !item.readOnly && (
                    <button type="button" className="button button--small" disabled={busy || !item.settled}
                      onClick={() => void run(async () => textConfirmed(await confirmTranslation(version.id, item.kind, item.itemKey, textId, locale)))}>
                      {t('editor.translation.confirm')}
                    </button>
                  )}
                </p>
              )}
              {below?.(locale)}
            </div>
          );
        })}
      </div>
      <StaffError error={error} />
    </fieldset>
  );
}
