import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { Field } from '../../../components/field';
import { StaffError } from '../../../components/staff/staff-error';
import { DataTable } from '../../../components/data-table';
import { useSession } from '../../../lib/session';
import { useBusyAction } from '../../../lib/use-busy-action';
import { useQuery } from '../../../lib/use-query';
import { type Account, createStaff, disableAccount, enableAccount, listAccounts, setContentEditor, setEvaluator } from '../api/users';
import { AccountForm } from './account-form';
import { AccountRow } from './account-row';

const FILTERS = ['staff', 'learner', 'all'] as const;
type Filter = (typeof FILTERS)[number];
const matches = (filter: Filter, a: Account) => filter === 'all' || (filter === 'staff' ? a.role !== 'learner' : a.role === 'learner');

export function AccountsPage() {
  const { t } = useTranslation();
  const { busy, error, run } = useBusyAction();
  const { user } = useSession();
  const accounts = useQuery(listAccounts, []);
  const [filter, setFilter] = useState<Filter>('staff');
  const [message, setMessage] = useState('');

  const act = (send: () => Promise<Account>, done: (a: Account) => string) => run(async () => {
    setMessage(done(await send()));
    accounts.reload();
  });

  const rows = (accounts.data ?? []).filter((a) => matches(filter, a));
  const caption = t('trainer.admin.accounts.caption', { count: rows.length });
  return (
    <>
      <PageHeading>{t('trainer.admin.sections.accounts')}</PageHeading>
      <AccountForm onCreate={async (body) => {
        const created = await createStaff(body);
        setMessage(t('trainer.admin.accounts.created', { name: created.displayName, role: t(`roles.${created.role}`) }));
        accounts.reload();
        return created;
      }} />
      <p role="status" className="status">{message}</p>
      <StaffError error={error ?? accounts.error} />
      <div className="inline-form">
        <Field label={t('trainer.admin.accounts.filter')}>
          {(p) => (
            <select {...p} value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
              {FILTERS.map((f) => <option key={f} value={f}>{t(`trainer.admin.accounts.filters.${f}`)}</option>)}
            </select>
          )}
        </Field>
      </div>
      {accounts.loading && !accounts.data && <Loading />}
      {accounts.data && (
        <DataTable caption={caption} columns={[
          t('trainer.admin.accounts.name'),
          t('trainer.admin.accounts.email'),
          t('trainer.admin.accounts.role'),
          t('trainer.admin.accounts.state'),
          t('trainer.actions'),
        ]}>
          {rows.map((a) => (
            <AccountRow key={a.id} account={a} self={a.id === user?.id} busy={busy}
              onDisable={() => act(() => disableAccount(a.id), (x) => t('trainer.admin.accounts.disabledMessage', { name: x.displayName }))}
              onEnable={() => act(() => enableAccount(a.id), (x) => t('trainer.admin.accounts.enabledMessage', { name: x.displayName }))}
              onContentEditor={(granted) => act(() => setContentEditor(a.id, granted),
                (x) => t(granted ? 'trainer.admin.accounts.grantedEditorMessage' : 'trainer.admin.accounts.revokedEditorMessage', { name: x.displayName }))}
              onEvaluator={(granted) => act(() => setEvaluator(a.id, granted),
                (x) => t(granted ? 'trainer.admin.accounts.grantedEvaluatorMessage' : 'trainer.admin.accounts.revokedEvaluatorMessage', { name: x.displayName }))} />
          ))}
        </DataTable>
      )}
    </>
  );
}
