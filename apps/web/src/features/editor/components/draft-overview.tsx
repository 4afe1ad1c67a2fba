import { findItem, parseItemId } from '#curriculum';
import { useTranslation } from '../../../lib/i18n';
import { Link, useLocation } from 'wouter';
import { ConfirmAction } from '../../../components/staff/confirm-action';
import { PageHeading } from '../../../components/page-heading';
import { StaffError } from '../../../components/staff/staff-error';
import { formatDate } from '../../../lib/use-content-language';
import { useBusyAction } from '../../../lib/use-busy-action';
import { discardDraft, downloadVersionFiles } from '../api/editor-api';
import { useDraft } from '../hooks/draft-context';
import { useTranslationFlags } from '../hooks/use-translation-flags';

/** /editor/:versionId — the draft at a glance: translations that need work, review, YAML download, discard. */
export function DraftOverview() {
  const { t, i18n } = useTranslation();
  const { version, course } = useDraft();
  const [, navigate] = useLocation();
  const { all } = useTranslationFlags();
  const { busy, error, run } = useBusyAction();
  return (
    <>
      <PageHeading>{t('editor.overview.title')}</PageHeading>
      <p>{t('editor.overview.created', { date: formatDate(version.createdAt, i18n.language) })}</p>
      <p className="hint">{t('editor.overview.hint')}</p>
      <div className="button-row">
        <Link className="button button--primary" to={`/editor/${version.id}/review`}>{t('editor.outline.review')}</Link>
        <button type="button" className="button" disabled={busy} onClick={() => void run(() => downloadVersionFiles(version.id))}>{t('editor.files.downloadDraft')}</button>
        <ConfirmAction danger busy={busy} label={t('editor.overview.discard')} question={t('editor.overview.discardQuestion')} confirmLabel={t('editor.overview.discardConfirm')}
          onConfirm={() => run(async () => { await discardDraft(version.id); navigate('/editor'); })} />
      </div>
      <StaffError error={error} />
      <section aria-labelledby="flags-title">
        <h2 id="flags-title">{t('editor.overview.translations')}</h2>
        {all.length === 0 ? <p>{t('editor.overview.noFlags')}</p> : (
          <ul>
            {all.map((flag) => {
              const { kind, key } = parseItemId(flag.itemId)!;
              const label = findItem(course, kind, key)?.label.es ?? key;
              return (
                <li key={`${flag.itemId} ${flag.textId} ${flag.locale}`}>
                  <Link to={`/editor/${version.id}/${kind}/${key}#field-${flag.textId}.${flag.locale}`}>{label}</Link>
                  {' — '}<code>{flag.textId}</code> ({t(`language.${flag.locale}`)}): {t(`editor.translation.${flag.state}Short`)}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
