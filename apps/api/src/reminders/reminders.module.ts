import { Module } from '@nestjs/common';
import { FollowUpReminders } from './follow-up-reminders.js';
import { Mailer } from './mailer.service.js';
import { REMINDER_KINDS, type ReminderKind } from './reminder-kind.js';
import { ReminderJob } from './reminder-job.service.js';

/** Reminder e-mails (scheduled job + outbox). A new kind: a provider implementing ReminderKind, added to the factory below. */
@Module({
  providers: [
    Mailer,
    FollowUpReminders,
    { provide: REMINDER_KINDS, useFactory: (...kinds: ReminderKind[]) => kinds, inject: [FollowUpReminders] },
    ReminderJob,
  ],
  exports: [ReminderJob],
})
export class RemindersModule {}
