import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api/api-client';

/** A server or network error in the reader's language, from its stable code. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : 'INTERNAL_ERROR';
  return (
    <p role="alert" className="form-error">
      {t(`errors.${code}`, { defaultValue: t('errors.INTERNAL_ERROR') })}
    </p>
  );
}
