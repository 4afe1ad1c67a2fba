import {
  type Course, draftItems, findPositionReference, type KnowledgeItem, type LintQuestion, longestCorrectOption, MAX_LONGEST_CORRECT_SHARE,
  MAX_TRUE_FALSE_KEY_SHARE, multipleSelectPatterns, nearCopyStems, type Question, trueFalseKeyBalance,
} from '#curriculum';
import { useMemo } from 'react';
import { useTranslation } from '../../../lib/i18n';

const percent = (share: number) => Math.round(share * 100);

/**
 * The answer-cue lint (libs/curriculum content-lint.ts) as the author types: this item's cues, and the course-wide
 * shares with this item as it now reads. The same rules fail the content spec for the course in the repository.
 */
export function QuestionLint({ course, value, isKnowledgeItem }: { course: Course; value: Question | KnowledgeItem; isKnowledgeItem: boolean }) {
  const { t } = useTranslation();
  const findings = useMemo(() => {
    const others = draftItems(course).filter((i) => (i.kind === 'question' || i.kind === 'knowledge-item') && i.key !== value.key);
    const quiz = others.filter((i) => i.kind === 'question').map((i) => i.value as LintQuestion);
    const knowledge = others.filter((i) => i.kind === 'knowledge-item').map((i) => i.value as LintQuestion);
    if (isKnowledgeItem) knowledge.push(value);
    else quiz.push(value);
    const all = [...quiz, ...knowledge];
    const own: string[] = [];
    for (const locale of ['es', 'en'] as const) {
      if (longestCorrectOption([value], locale).count > 0) own.push(t('editor.lint.longestCorrect', { language: t(`language.${locale}`) }));
    }
    for (const option of value.options) {
      for (const locale of ['es', 'en'] as const) {
        const match = findPositionReference(option.feedback[locale]);
        if (match) own.push(t('editor.lint.position', { key: option.key, language: t(`language.${locale}`), match }));
      }
    }
    const copies = isKnowledgeItem ? nearCopyStems([value], quiz) : nearCopyStems(knowledge, [value]);
    for (const copy of copies) {
      own.push(t('editor.lint.nearCopy', { other: isKnowledgeItem ? copy.quizKey : copy.testKey, language: t(`language.${copy.locale}`), similarity: percent(copy.similarity) }));
    }
    const shares: { text: string; over: boolean }[] = [];
    for (const locale of ['es', 'en'] as const) {
      const share = longestCorrectOption(all, locale).share;
      shares.push({ text: t('editor.lint.longestShare', { language: t(`language.${locale}`), share: percent(share), limit: percent(MAX_LONGEST_CORRECT_SHARE) }), over: share > MAX_LONGEST_CORRECT_SHARE });
    }
    const balance = trueFalseKeyBalance(all);
    if (balance.total > 0) {
      shares.push({ text: t('editor.lint.trueFalse', { share: percent(balance.share), key: t(`editor.question.${balance.majorityKey}`), limit: percent(MAX_TRUE_FALSE_KEY_SHARE) }), over: balance.share > MAX_TRUE_FALSE_KEY_SHARE });
    }
    if (multipleSelectPatterns(all).allShareOne) shares.push({ text: t('editor.lint.patterns'), over: true });
    return { own, course: shares };
  }, [course, value, isKnowledgeItem, t]);

  return (
    <section className="lint-panel" aria-labelledby="lint-heading" aria-live="polite">
      <h2 id="lint-heading">{t('editor.lint.title')}</h2>
      {findings.own.length === 0 ? <p className="stat-note">{t('editor.lint.noCues')}</p> : (
        <ul className="lint">{findings.own.map((text, i) => <li key={i} className="flag flag--stale">{text}</li>)}</ul>
      )}
      <h3>{t('editor.lint.courseWide')}</h3>
      <ul className="lint">{findings.course.map((f, i) => <li key={i} className={f.over ? 'flag flag--stale' : 'stat-note'}>{f.text}</li>)}</ul>
    </section>
  );
}
