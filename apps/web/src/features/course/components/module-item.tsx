import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ModuleView } from '#journey';
import type { OutlineModule } from '../../../lib/journey/journey-types';
import { lessonPath, quizPath, scenarioPath } from '../../../lib/journey/step-path';

interface Props {
  enrolmentId: string;
  module: OutlineModule;
  progress: ModuleView;
  number: number;
}

/** One module of the path: its status in words, and links to what the learner may open in it. */
export function ModuleItem({ enrolmentId, module, progress, number }: Props) {
  const { t } = useTranslation();
  const { status } = progress;
  const allRead = progress.lessonsRead.length === progress.lessonCount;
  const links = (
    <ul className="module__steps">
      {module.lessons.map((lesson) => {
        const read = progress.lessonsRead.includes(lesson.key);
        return (
          <li key={lesson.key}>
            <Link to={lessonPath(enrolmentId, module.key, lesson.key)}>{lesson.title}</Link>
            {read && <span className="tag tag--done">{t('learn.module.read')}</span>}
          </li>
        );
      })}
      <li>
        {allRead || progress.quiz.passed ? (
          <Link to={quizPath(enrolmentId, module.key)}>{t('learn.module.quiz')}</Link>
        ) : (
          <span className="muted">{t('learn.module.quizAfterLessons')}</span>
        )}
        {progress.quiz.passed && <span className="tag tag--done">{t('learn.module.passed')}</span>}
      </li>
      {module.scenario && (
        <li>
          {progress.quiz.passed ? (
            <Link to={scenarioPath(enrolmentId, module.key)}>{t('learn.module.scenario', { title: module.scenario.title })}</Link>
          ) : (
            <span className="muted">{t('learn.module.scenarioAfterQuiz', { title: module.scenario.title })}</span>
          )}
          {progress.scenarioDone && <span className="tag tag--done">{t('learn.module.done')}</span>}
        </li>
      )}
    </ul>
  );
  return (
    <li className={`module module--${status}`}>
      <h3 className="module__title">
        <span className="module__number">{t('learn.module.number', { number })}</span> {module.title}
      </h3>
      <p className="module__meta">
        <span className={`badge badge--${status}`}>{t(`learn.module.status.${status}`)}</span>{' '}
        {t('learn.module.lessonsRead', { read: progress.lessonsRead.length, count: progress.lessonCount })}
        {' · '}
        {t('learn.module.minutes', { minutes: module.estimatedMinutes })}
      </p>
      {status === 'available' && (
        <>
          <p>{module.summary}</p>
          {progress.quiz.lockedForReview && <p className="notice">{t('learn.module.reviewNeeded')}</p>}
          {links}
        </>
      )}
      {status === 'done' && (
        <details>
          <summary>{t('learn.module.revisit')}</summary>
          {links}
        </details>
      )}
    </li>
  );
}
