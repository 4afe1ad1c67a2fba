/**
 * What the audit log records, as stable codes (the web translates them; never rename one that has shipped).
 * Reads of identifiable data by staff, administrative changes, and the steps of a deletion request.
 */
export const AUDIT_READS = [
  'roster.read', // a cohort's roster: names, position, region, progress
  'report.read', // a cohort report (or a combined one): its learner table has names
  'export.download', // a research export of cohorts (pseudonymous rows)
  'accounts.list', // the admin's list of every account (names, e-mails)
  'personal_data.read', // an admin opened a learner's "Mis datos"
  'deletion_requests.list', // the admin's list of pending deletion requests (names, e-mails)
  'audit.read', // a page of this log (names of actors and subjects)
  'audit.export', // this log as CSV
  'study.report.read', // a study's report (aggregates only, no names)
  'study.export.download', // a study's analysis file (pseudonymous rows)
] as const;

export const AUDIT_CHANGES = [
  'account.create',
  'account.disable',
  'account.enable',
  'account.content_editor.grant',
  'account.content_editor.revoke',
  'content.publish',
  'content.draft.discard',
  'cohort.create',
  'cohort.update',
  'cohort.trainer.assign',
  'cohort.course_version.move',
  'cohort.learner.remove',
  'invite_code.create',
  'invite_code.revoke',
  'invite_code.rotate',
  'deletion_request.create',
  'deletion_request.cancel',
  'deletion_request.reject',
  'account.erase',
  'account.evaluator.grant',
  'account.evaluator.revoke',
  'study.create',
  'study.second_baseline.open',
] as const;

export const AUDIT_ACTIONS = [...AUDIT_READS, ...AUDIT_CHANGES] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Reads of a whole cohort: they concern every learner enrolled in it at the time. */
export const COHORT_READS: AuditAction[] = ['roster.read', 'report.read', 'export.download'];
/** Reads of every account at once: they concern everyone whose account existed at the time. */
export const ALL_ACCOUNT_READS: AuditAction[] = ['accounts.list'];
