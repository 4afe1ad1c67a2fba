import { useTranslation } from '../lib/i18n';
import { ApiError } from '../lib/api/api-client';

/** A server or network error in the reader's language, from its stable code. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : 'INTERNAL_ERROR';
  // Not a failure: the answer queue keeps it and sends it when the connection returns (only ever in the course player).
  if (code === 'SAVED_ON_PHONE') return <p role="status" className="queued-notice">{t('learn.offline.savedOnPhone')}</p>;
  return (
    <p role="alert" className="form-error">
      {t(`errors.${code}`, { defaultValue: t('errors.INTERNAL_ERROR') })}
    </p>
  );
}
