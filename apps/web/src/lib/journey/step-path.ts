import type { NextStep } from '#journey';

/** Where the learner goes for a step the machine proposes. */
export function stepPath(enrolmentId: string, step: NextStep): string {
  const base = `/learn/${enrolmentId}`;
  switch (step.kind) {
    case 'consent':
      return `${base}/consent`;
    case 'preAssessment':
      return `${base}/assessment/pre/${step.part}`;
    case 'postAssessment':
      return `${base}/assessment/post/${step.part}`;
    case 'lesson':
    case 'review':
      return `${base}/modules/${step.moduleKey}/lessons/${step.lessonKey}`;
    case 'quiz':
      return `${base}/modules/${step.moduleKey}/quiz`;
    case 'scenario':
      return `${base}/modules/${step.moduleKey}/scenario`;
    case 'followUp':
      return `${base}/follow-up`;
    case 'waitFollowUp':
    case 'done':
      return `${base}/certificate`;
    case 'waitSecondBaseline':
    case 'withdrawn':
      return base;
  }
}

export const lessonPath = (enrolmentId: string, moduleKey: string, lessonKey: string) =>
  `/learn/${enrolmentId}/modules/${moduleKey}/lessons/${lessonKey}`;
export const quizPath = (enrolmentId: string, moduleKey: string) => `/learn/${enrolmentId}/modules/${moduleKey}/quiz`;
export const scenarioPath = (enrolmentId: string, moduleKey: string) => `/learn/${enrolmentId}/modules/${moduleKey}/scenario`;
export const coursePath = (enrolmentId: string) => `/learn/${enrolmentId}`;
export const consentPath = (enrolmentId: string) => `/learn/${enrolmentId}/consent`;
export const withdrawPath = (enrolmentId: string) => `/learn/${enrolmentId}/withdraw`;
