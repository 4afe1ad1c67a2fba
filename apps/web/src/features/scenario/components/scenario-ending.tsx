import { useTranslation } from '../../../lib/i18n';
import { ContinueLink } from '../../../components/continue-link';
import { Markdown } from '../../../components/markdown';
import type { ScenarioRun } from '../api/scenario-api';
import { ScreenHeading } from './screen-heading';

/** The end of the case: how it turned out, the score, and the path the learner took. */
export function ScenarioEnding({ run, focus }: { run: ScenarioRun; focus: boolean }) {
  const { t } = useTranslation();
  const outcome = run.current.outcome ?? 'mixed';
  return (
    <div className="scenario-ending">
      <ScreenHeading focus={focus}>{t('learn.scenario.endingTitle')}</ScreenHeading>
      <p className={`feedback feedback--${outcome}`} role="status">
        <strong>{t(`learn.scenario.outcome.${outcome}`)}</strong> {t('learn.scenario.score', { score: run.score, max: run.maxScore })}
      </p>
      <Markdown tree={run.current.summary ?? []} />
      <h3>{t('learn.scenario.yourPath')}</h3>
      <ol className="scenario-path">
        {run.steps.map((step) => (
          <li key={step.nodeKey}>
            <p><strong>{t('learn.scenario.youChose')}</strong> {step.choiceText}</p>
            {step.critical && <p className="verdict verdict--wrong"><strong>{t('learn.scenario.criticalMark')}</strong></p>}
            <p className="muted">{step.feedback}</p>
          </li>
        ))}
      </ol>
      <ContinueLink />
    </div>
  );
}
