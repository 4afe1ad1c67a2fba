import { type FormEvent, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Field } from '../../../components/field';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { StaffError } from '../../../components/staff/staff-error';
import { DataTable } from '../../../components/data-table';
import { usePrivacyStrings } from '../../../lib/privacy-strings';
import { useBusyAction } from '../../../lib/use-busy-action';
import { useQuery } from '../../../lib/use-query';
import { type AuditEntry, auditIntegrity, auditPage, downloadAudit } from '../api/privacy';

type Filters = { actor: string; subject: string; action: string; from: string; to: string };
const EMPTY: Filters = { actor: '', subject: '', action: '', from: '', to: '' };

/** The audit log: who read identifiable data or changed settings, about whom, when; filtered, paged, exported. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [before, setBefore] = useState<number[]>([]);
  const query = {
    ...(filters.actor ? { actor: filters.actor } : {}), ...(filters.subject ? { subject: filters.subject } : {}),
    ...(filters.action ? { action: filters.action as AuditEntry['action'] } : {}),
    ...(filters.from ? { from: new Date(filters.from).toISOString() } : {}), ...(filters.to ? { to: new Date(filters.to).toISOString() } : {}),
  };
  const cursor = before[before.length - 1];
  const page = useQuery(() => auditPage({ ...query, ...(cursor ? { before: cursor } : {}), limit: 50 }), [JSON.stringify(filters), cursor]);
  const integrity = useQuery(auditIntegrity, []);
  const { busy, error, run } = useBusyAction();
  const strings = usePrivacyStrings();
  const actions = Object.keys((i18n.getResource('es', 'translation', 'auditActions') as Record<string, string> | undefined) ?? {});
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
    setBefore([]);
  };
  const time = (iso: string) => new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'es-PE', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'America/Lima' }).format(new Date(iso));

  if (!strings) return <Loading />;
  return (
    <>
      <PageHeading>{t('trainer.admin.sections.audit')}</PageHeading>
      <p>{t('trainer.admin.audit.intro')}</p>
      {integrity.data && (
        <p role="status" className={integrity.data.intact ? 'verdict-box verdict-box--valid' : 'verdict-box verdict-box--invalid'}>
          {integrity.data.intact
            ? t('trainer.admin.audit.intact', { count: integrity.data.entries, hash: integrity.data.headHash?.slice(0, 16) ?? '—' })
            : t('trainer.admin.audit.broken', { seq: integrity.data.brokenAt })}
        </p>
      )}
      <form className="inline-form" onSubmit={apply} aria-label={t('trainer.admin.audit.filters')}>
        <Field label={t('trainer.admin.audit.actor')} hint={t('trainer.admin.audit.accountHint')}>{(p) => <input {...p} value={draft.actor} onChange={set('actor')} />}</Field>
        <Field label={t('trainer.admin.audit.subject')} hint={t('trainer.admin.audit.accountHint')}>{(p) => <input {...p} value={draft.subject} onChange={set('subject')} />}</Field>
        <Field label={t('trainer.admin.audit.action')}>
          {(p) => (
            <select {...p} value={draft.action} onChange={set('action')}>
              <option value="">{t('trainer.admin.audit.anyAction')}</option>
              {actions.map((a) => <option key={a} value={a}>{t(`auditActions.${a}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('trainer.admin.audit.from')}>{(p) => <input {...p} type="date" value={draft.from} onChange={set('from')} />}</Field>
        <Field label={t('trainer.admin.audit.to')}>{(p) => <input {...p} type="date" value={draft.to} onChange={set('to')} />}</Field>
        <button type="submit">{t('trainer.admin.audit.apply')}</button>
        <button type="button" className="secondary" disabled={busy} onClick={() => run(() => downloadAudit(query))}>{t('trainer.admin.audit.export')}</button>
      </form>
      <StaffError error={error ?? page.error} />
      {page.loading && !page.data && <Loading />}
      {page.data && (
        <DataTable caption={t('trainer.admin.audit.caption', { count: page.data.entries.length })} columns={[
          t('trainer.admin.audit.when'), t('trainer.admin.audit.who'), t('trainer.admin.audit.what'), t('trainer.admin.audit.whom'),
        ]}>
          {page.data.entries.map((e) => (
            <tr key={e.seq}>
              <td><time dateTime={e.at}>{time(e.at)}</time></td>
              <td>{e.actorName ?? t(`roles.${e.actorRole}`)} ({t(`roles.${e.actorRole}`)})</td>
              <td>{t(`auditActions.${e.action}`)}</td>
              <td>{[e.subjectName ?? (e.subjectId ? t('trainer.admin.audit.erased') : ''), ...e.cohortNames].filter(Boolean).join(' · ') || '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <div className="actions">
        {before.length > 0 && <button type="button" className="secondary" onClick={() => setBefore(before.slice(0, -1))}>{t('trainer.admin.audit.newer')}</button>}{' '}
        {page.data?.nextBefore && <button type="button" className="secondary" onClick={() => setBefore([...before, page.data!.nextBefore!])}>{t('trainer.admin.audit.older')}</button>}
      </div>
    </>
  );
}
