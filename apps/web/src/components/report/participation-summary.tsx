import { useTranslation } from 'react-i18next';
import type { Participation } from './report-types';

const STAGE_ORDER = ['consent', 'preAssessment', 'learning', 'postAssessment', 'completed', 'followUp', 'done', 'withdrawn'];

/** Who is in the cohort and where they are; learners who withdrew consent are counted but excluded from every statistic. */
export function ParticipationSummary({ participation }: { participation: Participation }) {
  const { t } = useTranslation();
  const stages = Object.entries(participation.byStage).sort(([a], [b]) => STAGE_ORDER.indexOf(a) - STAGE_ORDER.indexOf(b));
  return (
    <>
      <dl className="stat-list stat-list--counts">
        <div><dt>{t('trainer.report.enrolled')}</dt><dd>{participation.enrolled}</dd></div>
        <div><dt>{t('trainer.report.active')}</dt><dd>{participation.active}</dd></div>
        <div><dt>{t('trainer.report.removed')}</dt><dd>{participation.removed}</dd></div>
        <div><dt>{t('trainer.report.consentWithdrawn')}</dt><dd>{participation.consentWithdrawn}</dd></div>
      </dl>
      <p className="hint">{t('trainer.report.consentWithdrawnNote')}</p>
      {stages.length > 0 && (
        <ul className="stage-counts" aria-label={t('trainer.report.byStage')}>
          {stages.map(([stage, n]) => (
            <li key={stage}><span>{t(`trainer.stages.${stage}`, { defaultValue: stage })}</span> <strong>{n}</strong></li>
          ))}
        </ul>
      )}
    </>
  );
}
