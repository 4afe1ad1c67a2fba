import { type Course, type Locale, localize } from '#curriculum';
import { MIN_GROUP_N, type PracticeAnswers, practiceShares, type WilsonInterval } from '#evaluation';
import type { DatabasePool } from '../database/database-pool.js';
import type { PracticeReportDto, ShareDto } from './practice-report.dto.js';

/**
 * Each learner's behaviour follow-up answers (item → option), for learners in the statistics only (evaluation use,
 * not withdrawn), keyed by enrolment id. Never leaves the server per learner: it feeds practiceReport.
 */
export async function loadPracticeAnswers(reads: DatabasePool, cohortIds: string[]): Promise<Map<string, Record<string, string>>> {
  const rows = await reads.rows<{ enrolment_id: string; item_key: string; option: string }>(
    `SELECT a.enrolment_id, r.item_key, r.value #>> '{}' AS option
       FROM attempts a JOIN enrolments e ON e.id = a.enrolment_id JOIN responses r ON r.attempt_id = a.id
      WHERE e.cohort_id = ANY($1::uuid[]) AND e.consent_withdrawn_at IS NULL AND e.evaluation_use AND a.kind = 'practice'`,
    [cohortIds],
  );
  const byLearner = new Map<string, Record<string, string>>();
  for (const row of rows) {
    const answers = byLearner.get(row.enrolment_id) ?? {};
    answers[row.item_key] = row.option;
    byLearner.set(row.enrolment_id, answers);
  }
  return byLearner;
}

const share = (w: WilsonInterval): ShareDto => ({ x: w.x, n: w.n, p: w.p, ci95: w.ci95 });

/** The report section for one group of learners (a cohort, a set of cohorts, or a study arm); null without a questionnaire. */
export function practiceReport(course: Course, learners: readonly PracticeAnswers[], locale: Locale): PracticeReportDto | null {
  const q = course.practiceQuestionnaire;
  if (!q) return null;
  const result = practiceShares(q.items, learners);
  const note = locale === 'en'
    ? `Self-report: what learners say they did in the ${q.recallMonths} months before their follow-up, not an observation. Only learners who chose evaluation use; "not applicable" answers are left out of each share; figures resting on fewer than ${MIN_GROUP_N} learners are withheld.`
    : `Autoinforme: lo que las personas dicen haber hecho en los ${q.recallMonths} meses antes de su seguimiento, no una observación. Solo quienes eligieron el uso para evaluación; las respuestas «no aplica» no entran en cada porcentaje; no se muestran cifras que se basen en menos de ${MIN_GROUP_N} personas.`;
  return {
    title: localize(q.title, locale),
    selfReport: true,
    note,
    recallMonths: q.recallMonths,
    respondents: result.respondents,
    withheld: result.suppressed ? { reason: 'small_n', n: result.respondents, minN: MIN_GROUP_N } : null,
    items: q.items.map((item, i) => {
      const shares = result.items[i]!;
      return {
        key: item.key,
        label: localize(item.label, locale),
        prompt: localize(item.prompt, locale),
        indicatorLabel: localize(item.indicatorLabel, locale),
        answered: shares.answered,
        notApplicable: shares.notApplicable,
        n: shares.n,
        withheld: shares.suppressed ? { reason: 'small_n', n: result.suppressed ? result.respondents : shares.n, minN: MIN_GROUP_N } : null,
        indicator: shares.indicator ? share(shares.indicator) : null,
        options: (shares.options ?? []).map((o) => ({ key: o.key, text: localize(item.options.find((opt) => opt.key === o.key)!.text, locale), share: share(o.share) })),
      };
    }),
  };
}
