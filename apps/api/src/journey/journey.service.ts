import { Injectable } from '@nestjs/common';
import { type Answers, type Locale, gradeQuiz, validateAnswers } from '#curriculum';
import { type JourneyEvent, describeJourney, journeyStage, rejectionMessage, whyNotStep } from '#journey';
import { AppException, notFound } from '../common/app-exception.js';
import { AttemptStore } from './attempt-store.service.js';
import { quizFeedback } from './grade-feedback.js';
import { JourneySubmissions, type Learner, problemsError, submissionAction } from './submission.service.js';

/**
 * The learner's steps through the course: consent, lessons, assessments, quizzes and the follow-up. Each one is a
 * submission (see JourneySubmissions: locked enrolment, idempotency ledger, the machine decides); scenario runs and
 * drafts have their own services.
 */
@Injectable()
export class JourneyService {
  constructor(
    private readonly submissions: JourneySubmissions,
    private readonly attempts: AttemptStore,
  ) {}

  state(learner: Learner, enrolmentId: string) {
    return this.submissions.state(learner, enrolmentId);
  }

  consent(learner: Learner, enrolmentId: string, key: string, evaluationUse: boolean) {
    return this.submissions.submit(learner, enrolmentId, key, this.consentAction(evaluationUse));
  }

  /** Consent, with the learner's choice: evaluation use, or course only. Stored with the consent text's version. */
  consentAction(evaluationUse: boolean) {
    return submissionAction({ action: 'consent', evaluationUse }, 'es', async (tx) => {
      tx.apply({ type: 'consent.given', at: tx.at });
      // The choice on the enrolment (what reports read) and in the append-only history, under the text's version.
      tx.consent.push({ action: 'given', evaluationUse });
      return {};
    });
  }

  /** A consented learner changes the choice at any time; it applies to every report and export made from then on. */
  changeEvaluationUse(learner: Learner, enrolmentId: string, key: string, evaluationUse: boolean) {
    return this.submissions.submit(learner, enrolmentId, key, submissionAction({ action: 'evaluation-use', evaluationUse }, 'es', async (tx) => {
      const reason = whyNotStep(tx.journey, { kind: 'evaluationUse' }, tx.at);
      if (reason) throw new AppException(409, reason, reason === 'EVENT_NOT_ALLOWED' ? 'Give your consent first: the choice is part of it.' : rejectionMessage(reason));
      tx.consent.push({ action: 'changed', evaluationUse });
      return {};
    }));
  }

  withdraw(learner: Learner, enrolmentId: string, key: string) {
    return this.submissions.submit(learner, enrolmentId, key, this.withdrawAction());
  }

  withdrawAction() {
    return submissionAction({ action: 'withdraw' }, 'es', async (tx) => {
      tx.apply({ type: 'consent.withdrawn', at: tx.at });
      // The date on the enrolment and a history row, written by the final statement like every consent change.
      tx.consent.push({ action: 'withdrawn', evaluationUse: null });
      return {};
    });
  }

  completeLesson(learner: Learner, enrolmentId: string, lessonKey: string, key: string) {
    return this.submissions.submit(learner, enrolmentId, key, this.lessonAction(lessonKey));
  }

  lessonAction(lessonKey: string) {
    return submissionAction({ action: 'lesson', lessonKey }, 'es', async (tx) => {
      const module = tx.course.modules.find((mod) => mod.lessons.some((l) => l.key === lessonKey));
      if (!module) throw notFound('Lesson');
      tx.apply({ type: 'lesson.completed', moduleKey: module.key, lessonKey, at: tx.at });
      return {};
    });
  }

  submitAssessment(learner: Learner, enrolmentId: string, wave: 'pre' | 'post', part: 'knowledge' | 'attitude' | 'then', answers: unknown, key: string, locale: Locale) {
    return this.submissions.submit(learner, enrolmentId, key, this.assessmentAction(wave, part, answers, locale));
  }

  assessmentAction(wave: 'pre' | 'post', part: 'knowledge' | 'attitude' | 'then', answers: unknown, locale: Locale) {
    if (wave === 'pre' && part === 'then') throw notFound('Assessment');
    return submissionAction({ action: 'assessment', wave, part, answers }, locale, async (tx) => {
      const event: JourneyEvent = wave === 'pre' ? { type: 'pre.submitted', part: part as 'knowledge' | 'attitude', at: tx.at } : { type: 'post.submitted', part, at: tx.at };
      // A study's waitlist answers the pre-assessment twice: the machine's stage says which round this is.
      const stored = wave === 'pre' && journeyStage(tx.journey.value) === 'baseline' ? 'baseline' : wave;
      // The machine decides first; answers are stored only for a step it accepts.
      tx.apply(event);
      if (part === 'knowledge') {
        const grade = await this.attempts.knowledge(tx, stored, answers);
        tx.clearDrafts.push(`${wave}-knowledge`);
        // The pre-test shows no answers (it would teach the post-test); the post-test explains every item.
        return { grade: wave === 'post' ? grade : { ...grade, questions: [] } };
      }
      await this.attempts.attitude(tx, part === 'then' ? 'then' : stored, answers, { requireAll: false });
      tx.clearDrafts.push(`${wave}-${part}`);
      return {};
    });
  }

  /** Knowledge, attitudes and (when the version has it) the behaviour follow-up, in one submission. */
  submitFollowUp(learner: Learner, enrolmentId: string, answers: { knowledge: unknown; attitude: unknown; practice?: unknown }, key: string, locale: Locale) {
    return this.submissions.submit(learner, enrolmentId, key, this.followUpAction(answers, locale));
  }

  followUpAction(answers: { knowledge: unknown; attitude: unknown; practice?: unknown }, locale: Locale) {
    const { knowledge, attitude, practice } = answers;
    // The request hash leaves `practice` out when absent, so a replay from before it existed still matches.
    const request = practice === undefined ? { action: 'followup', knowledge, attitude } : { action: 'followup', knowledge, attitude, practice };
    return submissionAction(request, locale, async (tx) => {
      tx.apply({ type: 'followup.submitted', at: tx.at });
      const grade = await this.attempts.knowledge(tx, 'followup', knowledge);
      await this.attempts.attitude(tx, 'followup', attitude, { requireAll: false });
      if (practice !== undefined) await this.attempts.practice(tx, practice);
      tx.clearDrafts.push('followup-knowledge', 'followup-attitude', 'followup-practice');
      return { grade };
    });
  }

  submitQuiz(learner: Learner, enrolmentId: string, moduleKey: string, answers: unknown, key: string, locale: Locale) {
    return this.submissions.submit(learner, enrolmentId, key, this.quizAction(moduleKey, answers, locale));
  }

  quizAction(moduleKey: string, answers: unknown, locale: Locale) {
    return submissionAction({ action: 'quiz', moduleKey, answers }, locale, async (tx) => {
      const module = tx.course.modules.find((mod) => mod.key === moduleKey);
      if (!module) throw notFound('Module');
      const problems = validateAnswers(module.quiz.questions, answers);
      if (problems.length) throw problemsError(problems);
      const grade = gradeQuiz(module.quiz, answers as Answers, tx.locale);
      tx.apply({ type: 'quiz.graded', moduleKey, passed: grade.passed, score: grade.score, at: tx.at });
      this.attempts.insert(
        tx,
        { kind: 'quiz', moduleKey, targetKey: module.quiz.key, score: grade.score, passed: grade.passed, result: { correctCount: grade.correctCount }, seedDraft: `quiz-${moduleKey}` },
        grade.perQuestion.map((q) => ({ itemKey: q.questionKey, value: q.selectedOptionKeys, correct: q.correct })),
      );
      tx.clearDrafts.push(`quiz-${moduleKey}`);
      const progress = describeJourney(tx.journey).modules.find((mod) => mod.key === moduleKey);
      return { grade: quizFeedback(grade, progress?.quiz.attemptsLeft ?? 0) };
    });
  }
}
