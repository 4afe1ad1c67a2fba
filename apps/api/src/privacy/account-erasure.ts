import type { SqlClient } from '../database/database-pool.js';

export interface ErasureOutcome {
  enrolmentsKept: number;
  enrolmentsDeleted: number;
  certificatesKept: number;
  certificatesRevoked: number;
}

/** Answers that may stay, without the person: the learner chose evaluation use and did not withdraw (same rule as reports). */
const KEPT_FOR_EVALUATION = `evaluation_use AND consent_withdrawn_at IS NULL`;

/**
 * Erases a learner's account inside the caller's transaction (the user row locked first):
 * - certificates leave their enrolment; kept ones stay verifiable with their name, revoked ones lose the name and
 *   verification answers "revoked";
 * - evaluation-use enrolments stay without the person (user_id NULL, erased_at set): attempts and answers remain for
 *   the aggregates they fed, while the private parts (action plan, drafts, scenario runs, stored answers to replays)
 *   are deleted; every other enrolment is deleted with everything in it (course only, withdrawn, never consented);
 * - the account goes, and with it its sessions, refresh tokens and profile history (ON DELETE CASCADE).
 */
export async function eraseAccount(m: SqlClient, userId: string, certificateChoice: 'keep' | 'revoke'): Promise<ErasureOutcome> {
  const revoke = certificateChoice === 'revoke';
  const [certificates] = await m.query(
    `WITH detached AS (
       UPDATE certificates c
          SET enrolment_id = NULL,
              revoked_at = CASE WHEN $2 THEN now() END, revoked_reason = CASE WHEN $2 THEN 'holder_request' END,
              learner_name = CASE WHEN $2 THEN '' ELSE c.learner_name END
         FROM enrolments e WHERE e.id = c.enrolment_id AND e.user_id = $1 RETURNING 1)
     SELECT count(*)::int AS n FROM detached`,
    [userId, revoke],
  );
  const kept = (await m.query(`SELECT id FROM enrolments WHERE user_id = $1 AND ${KEPT_FOR_EVALUATION}`, [userId])).map((r) => r.id as string);
  if (kept.length > 0) {
    await m.query(
      `WITH plans AS (DELETE FROM action_plans WHERE enrolment_id = ANY($1::uuid[])),
            drafts AS (DELETE FROM answer_drafts WHERE enrolment_id = ANY($1::uuid[])),
            runs AS (DELETE FROM scenario_runs WHERE enrolment_id = ANY($1::uuid[])),
            replays AS (DELETE FROM idempotency_keys WHERE enrolment_id = ANY($1::uuid[]))
       UPDATE enrolments SET user_id = NULL, erased_at = now() WHERE id = ANY($1::uuid[])`,
      [kept],
    );
  }
  const [deleted] = await m.query(`WITH gone AS (DELETE FROM enrolments WHERE user_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`, [userId]);
  await m.query(`DELETE FROM users WHERE id = $1`, [userId]);
  return {
    enrolmentsKept: kept.length,
    enrolmentsDeleted: deleted.n,
    certificatesKept: revoke ? 0 : certificates.n,
    certificatesRevoked: revoke ? certificates.n : 0,
  };
}
