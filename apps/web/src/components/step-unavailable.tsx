import type { ReactNode } from 'react';
import { useTranslation } from '../lib/i18n';
import { Link } from 'wouter';
import { coursePath, stepPath } from '../lib/journey/step-path';
import { useJourney } from '../lib/journey/journey-context';
import { PageHeading } from './page-heading';

/**
 * Shown when a page of the path is opened before (or after) its time: the journey's reason (a libs/journey rejection
 * code, translated like the server's), anything the page adds for that reason, and where to go instead.
 */
export function StepUnavailable({ title, code, children }: { title: string; code: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const { enrolmentId, view } = useJourney();
  const next = view.nextStep.kind === 'withdrawn' ? null : stepPath(enrolmentId, view.nextStep);
  return (
    <section className="card" aria-labelledby="unavailable-title" data-unavailable={code}>
      <PageHeading id="unavailable-title">{title}</PageHeading>
      <p>{t(`errors.${code}`, { defaultValue: t('errors.EVENT_NOT_ALLOWED') })}</p>
      {children}
      <div className="actions">
        {next && <Link className="primary button-link" to={next}>{t('learn.course.continue')}</Link>}
        <Link to={coursePath(enrolmentId)}>{t('learn.backToCourse')}</Link>
      </div>
    </section>
  );
}
