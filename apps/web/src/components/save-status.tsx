import { useTranslation } from '../lib/i18n';
import type { SaveState } from '../lib/use-draft';

/**
 * "Guardado" next to autosaved answers. Announced only when it matters: answers kept on this phone only (offline), or
 * a refusal (saving after every tap would be noise).
 */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  if (state === 'error') return <p className="save-status save-status--error" role="status">{t('learn.draft.error')}</p>;
  if (state === 'phone') return <p className="save-status save-status--phone" role="status">{t('learn.draft.phone')}</p>;
  const text = state === 'saving' ? t('learn.draft.saving') : state === 'saved' ? t('learn.draft.saved') : '';
  return <p className="save-status" data-state={state}>{text}</p>;
}
