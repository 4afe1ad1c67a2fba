import { type LocalDraft, offlineDb } from './offline-db';
import { storedLearner } from './offline-store';

/** Answers being typed, kept on the phone as each one is given (before any request), per learner, enrolment and target. */
export async function readLocalDraft(enrolmentId: string, target: string): Promise<LocalDraft | null> {
  const owner = storedLearner()?.id;
  if (!owner) return null;
  return (await (await offlineDb()).get('drafts', [owner, enrolmentId, target])) ?? null;
}

export async function writeLocalDraft(enrolmentId: string, target: string, answers: Record<string, unknown>, pending: string[]): Promise<void> {
  const owner = storedLearner()?.id;
  if (!owner) return;
  await (await offlineDb()).put('drafts', { owner, enrolmentId, target, answers, pending, updatedAt: Date.now() });
}

export async function deleteLocalDraft(enrolmentId: string, target: string): Promise<void> {
  const owner = storedLearner()?.id;
  if (!owner) return;
  await (await offlineDb()).delete('drafts', [owner, enrolmentId, target]);
}
