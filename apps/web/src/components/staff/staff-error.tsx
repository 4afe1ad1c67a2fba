import { useTranslation } from '../../lib/i18n';
import { ApiError } from '../../lib/api/api-client';

/**
 * A server or network error in the reader's language from its stable code: staff-only codes (drafts, publishing) are
 * worded in trainer.json, everything else in common.json's `errors.*`.
 */
export function StaffError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : 'INTERNAL_ERROR';
  const text = t(`trainer.errors.${code}`, { defaultValue: '' }) || t(`errors.${code}`, { defaultValue: t('errors.INTERNAL_ERROR') });
  return <p role="alert" className="form-error">{text}</p>;
}
