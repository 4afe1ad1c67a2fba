import { useTranslation } from 'react-i18next';
import type { SaveState } from '../lib/use-draft';

/** "Guardado" next to autosaved answers; only a failure is announced (saving after every tap would be noise). */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  if (state === 'error') return <p className="save-status save-status--error" role="status">{t('learn.draft.error')}</p>;
  const text = state === 'saving' ? t('learn.draft.saving') : state === 'saved' ? t('learn.draft.saved') : '';
  return <p className="save-status" data-state={state}>{text}</p>;
}
