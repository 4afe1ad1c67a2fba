// The machine's rejection codes as data: the API lists them among its error codes and answers 409 with one; the web
// app translates the same codes (es, en). The sentences here are for API users and logs, not for learners.
import type { RejectionCode } from './journey-types.js';

const MESSAGES: Record<RejectionCode, string> = {
  INVALID_EVENT: 'The request is not a valid step.',
  UNKNOWN_ITEM: 'This item is not part of your course version.',
  EVENT_NOT_ALLOWED: 'This step is not available at this point of the course.',
  MODULE_LOCKED: 'This module is still locked: finish the earlier steps first.',
  LESSONS_NOT_READ: 'Read every lesson of the module before the quiz.',
  QUIZ_NOT_PASSED: 'Pass the module quiz before the scenario.',
  QUIZ_ALREADY_PASSED: 'You already passed this quiz.',
  QUIZ_ATTEMPTS_EXHAUSTED: 'Review the module lessons again to get new attempts.',
  FOLLOW_UP_NOT_OPEN: 'The follow-up questionnaire is not open yet.',
  ALREADY_SUBMITTED: 'This was already submitted and cannot be changed.',
  WITHDRAWN: 'You withdrew your consent; no further answers are recorded.',
  COURSE_NOT_COMPLETED: 'The certificate is issued once the course is completed.',
  SECOND_BASELINE_NOT_OPEN: 'Your group is on the waiting list: the second baseline and the course open on the study\'s date.',
};

/** Every rejection code, in a stable order (new codes go at the end: the API's error-code enum follows it). */
export const REJECTION_CODES = Object.keys(MESSAGES) as RejectionCode[];

export const isRejectionCode = (value: unknown): value is RejectionCode =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(MESSAGES, value);

/** The code in one English sentence (the web translates the code itself). */
export const rejectionMessage = (code: string): string =>
  isRejectionCode(code) ? MESSAGES[code] : 'This step is not allowed now.';
