import { changedItems, draftItems } from '#curriculum';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { StaffError } from '../../../components/staff/staff-error';
import { useQuery } from '../../../lib/use-query';
import { contentOf, getVersion, type Problem, validateDraft } from '../api/editor-api';
import { useDraft } from '../hooks/draft-context';
import { ProblemList } from './problem-list';
import { PublishForm } from './publish-form';
import { ValueDiff } from './value-diff';

/**
 * Review before publishing: what still blocks publication (each with a link to where it is fixed), a text-level diff
 * of every item changed since the published version the draft started from, and the change note with "publish".
 */
export function ReviewPage() {
  const { t } = useTranslation();
  const draft = useDraft();
  const [refused, setRefused] = useState<Problem[] | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  // Saves still on their way (leaving an item saves it) finish before the whole draft is checked.
  const report = useQuery(async () => {
    await draft.settled();
    return validateDraft(draft.version.id);
  }, [draft.version.id, draft.course]);
  const basedOn = draft.version.basedOnId;
  const base = useQuery(() => (basedOn ? getVersion(basedOn) : Promise.resolve(null)), [basedOn]);

  const changes = useMemo(() => {
    if (!base.data) return [];
    const baseCourse = contentOf(base.data);
    const before = new Map(draftItems(baseCourse).map((item) => [item.id, item.value]));
    const after = new Map(draftItems(draft.course).map((item) => [item.id, item.value]));
    return changedItems(baseCourse, draft.course).map((change) => ({ ...change, before: before.get(change.id), after: after.get(change.id) }));
  }, [base.data, draft.course]);

  if (published !== null) {
    return (
      <>
        <PageHeading>{t('editor.review.title')}</PageHeading>
        <p role="status" className="status">{t('editor.review.published', { version: published })}</p>
        <Link to="/editor">{t('editor.review.backHome')}</Link>
      </>
    );
  }
  const problems = refused ?? report.data?.problems ?? [];
  return (
    <>
      <PageHeading>{t('editor.review.title')}</PageHeading>
      <section aria-labelledby="problems-title">
        <h2 id="problems-title">{t('editor.review.problems')}</h2>
        <StaffError error={report.error} />
        {!report.data && !report.error ? <Loading /> : problems.length === 0
          ? <p role="status" className="status">{t('editor.review.ready')}</p>
          : <div role="alert"><p className="form-error">{t('editor.review.blocked', { count: problems.length })}</p><ProblemList versionId={draft.version.id} problems={problems} /></div>}
        <button type="button" className="button button--small" onClick={() => { setRefused(null); report.reload(); }}>{t('editor.review.recheck')}</button>
      </section>
      <section aria-labelledby="changes-title">
        <h2 id="changes-title">{t('editor.review.changes', { version: base.data?.version ?? '?' })}</h2>
        <StaffError error={base.error} />
        {base.data && changes.length === 0 && <p>{t('editor.review.noChanges')}</p>}
        {changes.map((change) => (
          <details key={change.id} className="change" open={changes.length <= 5}>
            <summary>
              {t(`editor.kinds.${change.kind}`)} <code>{change.key}</code> — {change.label.es} <span className="tag">{t(`editor.review.change.${change.change}`)}</span>
            </summary>
            <ValueDiff before={change.before} after={change.after} />
            <Link to={`/editor/${draft.version.id}/${change.kind}/${change.key}`}>{t('editor.review.edit')}</Link>
          </details>
        ))}
      </section>
      <PublishForm versionId={draft.version.id} disabled={!report.data || problems.length > 0}
        onPublished={setPublished} onRefused={(list) => setRefused(list)} />
    </>
  );
}
