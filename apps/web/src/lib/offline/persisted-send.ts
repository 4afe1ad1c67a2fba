import { ApiError } from '../api/api-client';
import type { Language } from '../i18n';
import type { ResultOf, Submission } from '../journey/journey-submit';
import { outbox } from './replay';

/**
 * The journey driver's `send`, made persistent: the action is written to this phone before it goes out, so it
 * survives a closed tab or browser. No answer from the server → SAVED_ON_PHONE (retryable: the driver keeps it in
 * order with its key and its optimistic move; the queue sends it by itself when the connection returns).
 */
export async function sendPersisted<S extends Submission>(enrolmentId: string, submission: S, key: string, lang: Language): Promise<ResultOf<S>> {
  const outcome = await outbox.sendQueued<ResultOf<S>>({ enrolmentId, submission, key, lang });
  if (outcome.state === 'sent') return outcome.data;
  throw new ApiError('SAVED_ON_PHONE', 'Kept on this phone; it is sent when the connection returns.', 0);
}

/** The journey driver's `keep`: an action behind one still on its way is written to this phone at once. */
export function keepPersisted(enrolmentId: string, submission: Submission, key: string, lang: Language): Promise<void> {
  return outbox.keep({ enrolmentId, submission, key, lang });
}
