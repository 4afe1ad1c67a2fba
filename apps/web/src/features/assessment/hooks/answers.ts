import { optionKeysOf, ratingOf, type DraftAnswers } from '../../../lib/use-draft';
import type { AttitudeInstrument, KnowledgeTest, PracticeQuestionnaire } from '../api/assessment-api';

/** What is sent: only items of this instrument with a valid answer (unanswered knowledge items are simply absent). */
export function knowledgeAnswers(test: KnowledgeTest, draft: DraftAnswers): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const item of test.items) {
    const valid = new Set(item.options.map((o) => o.key));
    const keys = optionKeysOf(draft[item.key]).filter((k) => valid.has(k));
    if (keys.length) out[item.key] = item.type === 'multiple' ? keys : keys.slice(0, 1);
  }
  return out;
}

export function attitudeAnswers(instrument: AttitudeInstrument, draft: DraftAnswers): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of instrument.items) {
    const rating = ratingOf(draft[item.key]);
    if (rating !== undefined) out[item.key] = rating;
  }
  return out;
}

/** One option key per answered practice question (skipped questions are simply absent). */
export function practiceAnswers(questionnaire: PracticeQuestionnaire, draft: DraftAnswers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of questionnaire.items) {
    const valid = new Set(item.options.map((o) => o.key));
    const key = optionKeysOf(draft[item.key]).find((k) => valid.has(k));
    if (key) out[item.key] = key;
  }
  return out;
}
