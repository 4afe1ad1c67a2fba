import type { GradedQuestion, QuizGrade } from '#curriculum';
import type { GradeFeedbackDto, QuestionFeedbackDto } from './journey.dto.js';

/**
 * One question's feedback: always the learner's chosen options with why; the right answers and why they are right only
 * when `reveal` (a quiz passed or its round's last attempt used, a post-test or follow-up submitted) — never before.
 */
export function questionFeedback(q: GradedQuestion, reveal: boolean): QuestionFeedbackDto {
  return {
    key: q.questionKey, answered: q.answered, correct: q.correct,
    options: q.feedback.map((f) => ({ optionKey: f.optionKey, correct: f.correct, text: f.feedback })),
    ...(reveal ? { correctOptionKeys: q.correctOptionKeys, explanations: q.explanations.map((f) => ({ optionKey: f.optionKey, correct: true, text: f.feedback })) } : {}),
  };
}

/** A graded quiz attempt. A failed attempt with attempts left teaches through the feedback on the chosen options only. */
export function quizFeedback(grade: QuizGrade, attemptsLeft: number): GradeFeedbackDto {
  const reveal = grade.passed || attemptsLeft === 0;
  return {
    percent: Math.round(grade.score * 1000) / 10,
    correctCount: grade.correctCount,
    questionCount: grade.questionCount,
    passed: grade.passed,
    attemptsLeft,
    answersRevealed: reveal,
    questions: grade.perQuestion.map((q) => questionFeedback(q, reveal)),
  };
}
