import { useTranslation } from '../i18n';
import type { NextStep } from '#journey';
import { formatDate } from '../use-content-language';
import { useJourney } from './journey-context';
import { findLesson, findModule } from './outline-lookup';

/** A short human description of a step: "Lección: …", "Evaluación del módulo 2"… */
export function useStepLabel(): (step: NextStep) => string {
  const { t, i18n } = useTranslation();
  const { outline } = useJourney();
  return (step) => {
    switch (step.kind) {
      case 'consent':
        return t('learn.step.consent');
      case 'preAssessment':
        // A study's waitlist answers it twice: the label says which time.
        if (step.waitlistRound === 'first') return t(`learn.step.baseline.${step.part}`);
        if (step.waitlistRound === 'second') return t(`learn.step.secondBaseline.${step.part}`);
        return t(`learn.step.pre.${step.part}`);
      case 'waitSecondBaseline':
        return t('learn.step.waitSecondBaseline', { date: formatDate(step.opensAt, i18n.language) });
      case 'postAssessment':
        return t(`learn.step.post.${step.part}`);
      case 'lesson':
      case 'review': {
        const found = findLesson(outline, step.moduleKey, step.lessonKey);
        return t(`learn.step.${step.kind}`, { title: found?.lesson.title ?? step.lessonKey });
      }
      case 'quiz':
        return t('learn.step.quiz', { number: findModule(outline, step.moduleKey)?.number ?? '' });
      case 'scenario':
        return t('learn.step.scenario', { title: findModule(outline, step.moduleKey)?.module.scenario?.title ?? step.scenarioKey });
      case 'waitFollowUp':
        return t('learn.step.waitFollowUp', { date: formatDate(step.opensAt, i18n.language) });
      case 'followUp':
      case 'done':
      case 'withdrawn':
        return t(`learn.step.${step.kind}`);
    }
  };
}
