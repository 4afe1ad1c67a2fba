import { useTranslation } from '../lib/i18n';
import type { AnswerState } from '../lib/use-draft';

/** Under each answered question: "Guardado en este teléfono" until the server has it, then "Enviado". */
export function AnswerStateNote({ state }: { state: AnswerState | undefined }) {
  const { t } = useTranslation();
  if (!state) return null;
  return <p className={`answer-state answer-state--${state}`}>{t(`learn.answerState.${state}`)}</p>;
}
