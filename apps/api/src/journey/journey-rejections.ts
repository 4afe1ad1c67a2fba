/** The machine's rejection codes in a sentence (the web translates the code; this is for API users and logs). */
const REJECTIONS: Record<string, string> = {
  EVENT_NOT_ALLOWED: 'This step is not available at this point of the course.',
  MODULE_LOCKED: 'This module is still locked: finish the earlier steps first.',
  LESSONS_NOT_READ: 'Read every lesson of the module before the quiz.',
  QUIZ_NOT_PASSED: 'Pass the module quiz before the scenario.',
  QUIZ_ALREADY_PASSED: 'You already passed this quiz.',
  QUIZ_ATTEMPTS_EXHAUSTED: 'Review the module lessons again to get new attempts.',
  FOLLOW_UP_NOT_OPEN: 'The follow-up questionnaire is not open yet.',
  ALREADY_SUBMITTED: 'This was already submitted and cannot be changed.',
  WITHDRAWN: 'You withdrew your consent; no further answers are recorded.',
  UNKNOWN_ITEM: 'This item is not part of your course version.',
  INVALID_EVENT: 'The request is not a valid step.',
};
export const rejectionMessage = (reason: string) => REJECTIONS[reason] ?? 'This step is not allowed now.';
