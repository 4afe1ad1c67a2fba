import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OPTION_SEED_MAX } from '#curriculum';
import { DatabasePool, type SqlClient } from '../database/database-pool.js';

/** Which knowledge-test attempt is open follows from the stage the machine recorded; null = none is open. */
export function knowledgeWaveOf(stage: string | null): 'pre' | 'post' | 'followup' | null {
  // The waitlist's first baseline is the pre-test shown once more (its own draft and order each time).
  if (stage === null || stage === 'consent' || stage === 'baseline' || stage === 'preAssessment') return 'pre';
  if (stage === 'learning' || stage === 'postAssessment') return 'post';
  if (stage === 'completed' || stage === 'followUp') return 'followup';
  return null;
}

const newSeed = () => randomInt(1, OPTION_SEED_MAX);

/**
 * Seeds of the option order (libs/curriculum option-order.ts). A quiz or test attempt's seed lives on its draft row
 * from the moment the learner opens it until the submission copies it onto the attempt and deletes the draft, so
 * reloads and autosaves keep the order and the next attempt gets a new one. A scenario keeps one per play-through on
 * its run.
 */
@Injectable()
export class OptionSeeds {
  constructor(private readonly reads: DatabasePool) {}

  /** The open attempt's seed for a draft target, drawn on first use. The caller has checked the enrolment is the learner's. */
  async forDraft(enrolmentId: string, target: string): Promise<number> {
    const [known] = await this.reads.rows<{ option_seed: number | null }>(
      `SELECT option_seed FROM answer_drafts WHERE enrolment_id = $1 AND target = $2`, [enrolmentId, target], 'draft_seed',
    );
    if (known?.option_seed) return known.option_seed;
    // Two first reads at once both land here: the first seed written wins and both return it.
    const [row] = await this.reads.rows<{ option_seed: number }>(
      `INSERT INTO answer_drafts (enrolment_id, target, answers, option_seed) VALUES ($1, $2, '{}'::jsonb, $3)
       ON CONFLICT (enrolment_id, target) DO UPDATE SET option_seed = coalesce(answer_drafts.option_seed, excluded.option_seed)
       RETURNING option_seed`,
      [enrolmentId, target, newSeed()],
    );
    return row!.option_seed;
  }

  /** A scenario play-through's seed, drawn on first use; `m` runs it inside the caller's transaction when given. */
  async forScenario(enrolmentId: string, scenarioKey: string, m?: SqlClient): Promise<number> {
    const query = (text: string, params: unknown[]) => (m ? m.query(text, params) : this.reads.rows<{ option_seed: number | null }>(text, params));
    const [known] = await query(`SELECT option_seed FROM scenario_runs WHERE enrolment_id = $1 AND scenario_key = $2`, [enrolmentId, scenarioKey]);
    if (known?.option_seed) return known.option_seed;
    const [row] = await query(
      `INSERT INTO scenario_runs (enrolment_id, scenario_key, choices, option_seed) VALUES ($1, $2, '[]'::jsonb, $3)
       ON CONFLICT (enrolment_id, scenario_key) DO UPDATE SET option_seed = coalesce(scenario_runs.option_seed, excluded.option_seed)
       RETURNING option_seed`,
      [enrolmentId, scenarioKey, newSeed()],
    );
    return row!.option_seed as number;
  }
}
