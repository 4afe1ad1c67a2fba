import { lazy } from 'react';
import { loadPlayerStrings } from '../lib/i18n';

// Split points: the entry bundle holds sign-in and the home page; the course player and the public verification page
// come in their own chunks, each with the player's strings.

/**
 * The course player's pages, each its own chunk: a learner opening a lesson downloads the lesson page, not the
 * assessments, quizzes, scenarios and certificate (issue 17: every page ≤ 150 KB on a first visit).
 */
export const learnPages = {
  course: () => import('../features/course/components/course-page').then((m) => ({ default: m.CoursePage })),
  consent: () => import('../features/course/components/consent-page').then((m) => ({ default: m.ConsentPage })),
  withdraw: () => import('../features/course/components/withdraw-page').then((m) => ({ default: m.WithdrawPage })),
  assessment: () => import('../features/assessment/components/assessment-page').then((m) => ({ default: m.AssessmentPage })),
  lesson: () => import('../features/lesson/components/lesson-page').then((m) => ({ default: m.LessonPage })),
  quiz: () => import('../features/quiz/components/quiz-page').then((m) => ({ default: m.QuizPage })),
  scenario: () => import('../features/scenario/components/scenario-page').then((m) => ({ default: m.ScenarioPage })),
  completion: () => import('../features/certificate/components/completion-page').then((m) => ({ default: m.CompletionPage })),
  followUp: () => import('../features/assessment/components/follow-up-page').then((m) => ({ default: m.FollowUpPage })),
};
export type LearnPage = keyof typeof learnPages;

/** The page an address under /learn/:enrolmentId shows (the paths of learn-routes.tsx); anything else is the course. */
const PAGE_PATHS: [RegExp, LearnPage][] = [
  [/\/consent$/, 'consent'],
  [/\/withdraw$/, 'withdraw'],
  [/\/assessment\/[^/]+\/[^/]+$/, 'assessment'],
  [/\/modules\/[^/]+\/lessons\/[^/]+$/, 'lesson'],
  [/\/modules\/[^/]+\/quiz$/, 'quiz'],
  [/\/modules\/[^/]+\/scenario$/, 'scenario'],
  [/\/certificate$/, 'completion'],
  [/\/follow-up$/, 'followUp'],
];
export const learnPageOf = (pathname: string): LearnPage => PAGE_PATHS.find(([path]) => path.test(pathname))?.[1] ?? 'course';

/**
 * The player's frame (journey machine, provider) together with the page the address shows, in parallel rather than one
 * after the other; from the home page (a learner reaching for a course), the course page.
 */
export const loadLearnRoutes = () =>
  Promise.all([import('./learn-routes'), loadPlayerStrings(), learnPages[learnPageOf(location.pathname)]()]).then(([m]) => m);
export const LearnRoutes = lazy(loadLearnRoutes);
export const VerifyPage = lazy(() =>
  Promise.all([import('../features/certificate/components/verify-page'), loadPlayerStrings()]).then(([m]) => ({ default: m.VerifyPage })),
);
