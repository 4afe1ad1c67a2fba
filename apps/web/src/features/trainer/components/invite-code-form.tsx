import type { FormEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Field } from '../../../components/field';
import { StaffError } from '../../../components/staff/staff-error';
import { useBusyAction } from '../../../lib/use-busy-action';
import type { InviteCodeInput } from '../api/invite-codes';

/** A new invite code: optionally limited in uses and with a last valid day (valid through the end of that day). */
export function InviteCodeForm({ onCreate }: { onCreate: (input: InviteCodeInput) => Promise<unknown> }) {
  const { t } = useTranslation();
  const { busy, error, run } = useBusyAction();
  const today = new Date().toLocaleDateString('en-CA'); // YYYY-MM-DD in local time

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const maxUses = String(form.get('maxUses') ?? '').trim();
    const lastDay = String(form.get('lastDay') ?? '').trim();
    await run(async () => {
      await onCreate({
        maxUses: maxUses ? Number(maxUses) : null,
        expiresAt: lastDay ? new Date(`${lastDay}T23:59:59`).toISOString() : null,
      });
      formElement.reset();
    });
  }

  return (
    <form onSubmit={submit} className="card">
      <h3>{t('trainer.codes.createTitle')}</h3>
      <div className="inline-form">
        <Field label={t('trainer.codes.maxUses')} hint={t('trainer.codes.maxUsesHint')}>
          {(p) => <input {...p} name="maxUses" type="number" inputMode="numeric" min={1} max={10000} step={1} />}
        </Field>
        <Field label={t('trainer.codes.lastDay')} hint={t('trainer.codes.lastDayHint')}>
          {(p) => <input {...p} name="lastDay" type="date" min={today} />}
        </Field>
        <button type="submit" className="button button--primary" disabled={busy}>{t('trainer.codes.create')}</button>
      </div>
      <StaffError error={error} />
    </form>
  );
}
