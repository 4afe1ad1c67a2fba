import { useTranslation } from '../../lib/i18n';
import type { Participation } from './report-types';

const STAGE_ORDER = ['consent', 'preAssessment', 'learning', 'postAssessment', 'completed', 'followUp', 'done', 'withdrawn'];
const COUNTS = ['enrolled', 'inStatistics', 'completed', 'certified', 'courseOnly', 'consentWithdrawn'] as const;

/**
 * Who is in the cohort, in six counts (each with its own plural): enrolled, in the statistics, completed, certified,
 * course only and withdrawn; learners by stage folded beneath.
 */
export function ParticipationSummary({ participation }: { participation: Participation }) {
  const { t } = useTranslation();
  const stages = Object.entries(participation.byStage).sort(([a], [b]) => STAGE_ORDER.indexOf(a) - STAGE_ORDER.indexOf(b));
  const others = [
    participation.notConsented > 0 && t('trainer.report.count.notConsented', { count: participation.notConsented }),
    participation.removed > 0 && t('trainer.report.count.removed', { count: participation.removed }),
  ].filter(Boolean);
  return (
    <>
      <ul className="summary-counts" aria-label={t('trainer.report.sections.participation')}>
        {COUNTS.map((key) => (
          <li key={key}><strong className="summary-counts__n">{participation[key]}</strong> {t(`trainer.report.count.${key}`, { count: participation[key] })}</li>
        ))}
      </ul>
      <p>{t('trainer.report.count.actionPlans', { count: participation.actionPlans })}</p>
      <p className="hint">{t('trainer.report.statisticsNote')}{others.length > 0 && ` ${others.join(' ')}`}</p>
      {stages.length > 0 && (
        <details className="fold">
          <summary>{t('trainer.report.byStage')}</summary>
          <ul className="stage-counts">
            {stages.map(([stage, n]) => (
              <li key={stage}><span>{t(`trainer.stages.${stage}`, { defaultValue: stage })}</span> <strong>{n}</strong></li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
