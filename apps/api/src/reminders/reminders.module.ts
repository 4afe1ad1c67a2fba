import { Module } from '@nestjs/common';
import { WaitlistBaselineReminders } from '../studies/waitlist-reminders.js';
import { FollowUpReminders } from './follow-up-reminders.js';
import { Mailer } from './mailer.service.js';
import { REMINDER_KINDS, type ReminderKind } from './reminder-kind.js';
import { ReminderJob } from './reminder-job.service.js';

/** Reminder e-mails (scheduled job + outbox). A new kind: a provider implementing ReminderKind, added to the factory below. */
@Module({
  providers: [
    Mailer,
    FollowUpReminders,
    WaitlistBaselineReminders,
    { provide: REMINDER_KINDS, useFactory: (...kinds: ReminderKind[]) => kinds, inject: [FollowUpReminders, WaitlistBaselineReminders] },
    ReminderJob,
  ],
  exports: [ReminderJob],
})
export class RemindersModule {}
