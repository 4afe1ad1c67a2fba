import { useEffect } from 'react';
import type { JourneyView } from '#journey';
import { api } from '../api/api-client';
import { apiCall } from '../api/call';
import type { Language } from '../i18n';
import type { JourneyDriver } from '../journey/journey-driver';
import { type CourseOutline, type SubmissionResult, persistedOf } from '../journey/journey-types';
import { connection } from './connection';
import { LEARNER_CACHE } from './offline-names';
import { outbox, startReplay } from './replay';

type Get = () => Promise<unknown>;

function controlled(): Promise<boolean> {
  const workers = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
  if (!workers || typeof caches === 'undefined') return Promise.resolve(false);
  if (workers.controller) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = () => resolve(Boolean(workers.controller));
    workers.addEventListener('controllerchange', done, { once: true });
    setTimeout(done, 30_000);
  });
}

/**
 * While a course is open: the answer queue runs (and a delivered answer refreshes the journey), and the course list,
 * the course's outline and journey, the lessons the learner has reached — every lesson of an unlocked module — plus the assessment or quiz now open are fetched once, so
 * the service worker keeps them for reading offline. Skipped offline and when the phone asks to save data; what the
 * worker already holds is not fetched again.
 */
export function useOfflineCourse(enrolmentId: string, outline: CourseOutline | undefined, view: JourneyView | undefined, lang: Language, driver: JourneyDriver | null) {
  useEffect(() => {
    startReplay();
    if (!driver) return;
    return outbox.subscribe((event) => {
      if (event.type !== 'sent' || event.enrolmentId !== enrolmentId) return;
      // Delivered by the queue (after a reconnection or a reopened browser): the server's journey becomes the actor's
      // base, and what this page still holds goes now, in order (it finds the server's answer under the same key).
      driver.rebase(persistedOf((event.result as SubmissionResult).journey));
      driver.retry();
    });
  }, [enrolmentId, driver]);

  const reached = view?.modules.filter((m) => m.status !== 'locked').map((m) => m.key).join(',') ?? '';
  const stage = view?.stage;
  useEffect(() => {
    if (!outline || !view || !connection.isOnline() || (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData) return;
    const base = `/api/enrolments/${enrolmentId}`;
    const path = { enrolmentId };
    const query = { lang };
    // The page read these before the worker ran (it installs once the first page shows): fetched again through it.
    const wanted: [string, Get][] = [
      [`/api/enrolments/mine?lang=${lang}`, () => api.GET('/api/enrolments/mine', { params: { query } })],
      [`${base}/outline?lang=${lang}`, () => api.GET('/api/enrolments/{enrolmentId}/outline', { params: { path, query } })],
      [`${base}/journey`, () => api.GET('/api/enrolments/{enrolmentId}/journey', { params: { path } })],
    ];
    for (const progress of view.modules.filter((m) => m.status !== 'locked')) {
      const module = outline.modules.find((m) => m.key === progress.key);
      for (const lesson of module?.lessons ?? []) {
        wanted.push([`${base}/lessons/${lesson.key}?lang=${lang}`, () => api.GET('/api/enrolments/{enrolmentId}/lessons/{lessonKey}', { params: { path: { ...path, lessonKey: lesson.key }, query } })]);
      }
      if (progress.status === 'available' && !progress.quiz.passed && progress.lessonsRead.length === progress.lessonCount) {
        wanted.push([`${base}/modules/${progress.key}/quiz?lang=${lang}`, () => api.GET('/api/enrolments/{enrolmentId}/modules/{moduleKey}/quiz', { params: { path: { ...path, moduleKey: progress.key }, query } })]);
      }
    }
    if (view.stage === 'preAssessment' || view.stage === 'postAssessment') {
      wanted.push([`${base}/knowledge-test?lang=${lang}`, () => api.GET('/api/enrolments/{enrolmentId}/knowledge-test', { params: { path, query } })]);
      wanted.push([`${base}/attitude-instrument?lang=${lang}`, () => api.GET('/api/enrolments/{enrolmentId}/attitude-instrument', { params: { path, query } })]);
    }
    let stopped = false;
    void (async () => {
      // On the very first visit the worker takes over the page a moment after it loads: wait for it, or nothing is kept.
      if (!(await controlled()) || stopped) return;
      const cache = await caches.open(LEARNER_CACHE).catch(() => null);
      if (!cache) return;
      for (const [url, get] of wanted) {
        if (stopped || !connection.isOnline()) return;
        if (await cache.match(url, { ignoreVary: true })) continue;
        await apiCall(get as () => Promise<{ response: Response }>).catch(() => undefined);
      }
    })();
    return () => {
      stopped = true;
    };
    // What is reached changes with the modules unlocked and the stage; the view object changes on every answer.
  }, [enrolmentId, outline, lang, reached, stage]);
}
