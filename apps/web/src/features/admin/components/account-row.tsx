import { useTranslation } from '../../../lib/i18n';
import { ConfirmAction } from '../../../components/staff/confirm-action';
import type { Account } from '../api/users';

export function AccountRow({ account, self, busy, onDisable, onEnable, onContentEditor, onEvaluator }: {
  account: Account;
  self: boolean;
  busy: boolean;
  onDisable: () => Promise<unknown>;
  onEnable: () => Promise<unknown>;
  onContentEditor: (granted: boolean) => Promise<unknown>;
  onEvaluator: (granted: boolean) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <tr className={account.disabled ? 'row--suppressed' : undefined}>
      <th scope="row" className="text-cell">{account.displayName}{self && <span className="stat-note"> {t('trainer.admin.accounts.you')}</span>}</th>
      <td>{account.email}</td>
      <td>
        {t(`roles.${account.role}`)}
        {account.role === 'trainer' && account.canEditContent && <span className="stat-note"> · {t('trainer.admin.accounts.contentEditor')}</span>}
        {account.role === 'trainer' && account.canEvaluate && <span className="stat-note"> · {t('trainer.admin.accounts.evaluator')}</span>}
      </td>
      <td>
        <span className={`badge ${account.disabled ? 'badge--off' : 'badge--ok'}`}>
          {t(account.disabled ? 'trainer.admin.accounts.disabled' : 'trainer.admin.accounts.enabled')}
        </span>
      </td>
      <td>
        {!self && (account.disabled ? (
          <ConfirmAction busy={busy} label={t('trainer.admin.accounts.enable')} confirmLabel={t('trainer.admin.accounts.enableConfirm')}
            question={t('trainer.admin.accounts.enableQuestion', { name: account.displayName })} onConfirm={onEnable} />
        ) : (
          <ConfirmAction danger busy={busy} label={t('trainer.admin.accounts.disable')} confirmLabel={t('trainer.admin.accounts.disableConfirm')}
            question={t('trainer.admin.accounts.disableQuestion', { name: account.displayName })} onConfirm={onDisable} />
        ))}
        {account.role === 'trainer' && !account.disabled && (account.canEditContent ? (
          <ConfirmAction busy={busy} label={t('trainer.admin.accounts.revokeEditor')} confirmLabel={t('trainer.admin.accounts.revokeEditorConfirm')}
            question={t('trainer.admin.accounts.revokeEditorQuestion', { name: account.displayName })} onConfirm={() => onContentEditor(false)} />
        ) : (
          <ConfirmAction busy={busy} label={t('trainer.admin.accounts.grantEditor')} confirmLabel={t('trainer.admin.accounts.grantEditorConfirm')}
            question={t('trainer.admin.accounts.grantEditorQuestion', { name: account.displayName })} onConfirm={() => onContentEditor(true)} />
        ))}
        {account.role === 'trainer' && !account.disabled && (account.canEvaluate ? (
          <ConfirmAction busy={busy} label={t('trainer.admin.accounts.revokeEvaluator')} confirmLabel={t('trainer.admin.accounts.revokeEditorConfirm')}
            question={t('trainer.admin.accounts.revokeEvaluatorQuestion', { name: account.displayName })} onConfirm={() => onEvaluator(false)} />
        ) : (
          <ConfirmAction busy={busy} label={t('trainer.admin.accounts.grantEvaluator')} confirmLabel={t('trainer.admin.accounts.grantEditorConfirm')}
            question={t('trainer.admin.accounts.grantEvaluatorQuestion', { name: account.displayName })} onConfirm={() => onEvaluator(true)} />
        ))}
      </td>
    </tr>
  );
}
