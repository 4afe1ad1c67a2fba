import { Injectable } from '@nestjs/common';
import { type Locale, toLearnerKnowledgeTest, toLearnerQuiz } from '#curriculum';
import { notFound } from '../common/app-exception.js';
import { LearnerContentService } from '../curriculum/learner-content.service.js';
import { DatabasePool } from '../database/database-pool.js';
import { knowledgeWaveOf, OptionSeeds } from './option-seeds.service.js';

/**
 * The quiz and the knowledge test as the learner's open attempt shows them: options in that attempt's order (never
 * an answer key). Which attempt is open is the journey's business, so these reads live here rather than in curriculum/.
 */
@Injectable()
export class AttemptContentService {
  constructor(
    private readonly content: LearnerContentService,
    private readonly seeds: OptionSeeds,
    private readonly reads: DatabasePool,
  ) {}

  async quiz(userId: string, enrolmentId: string, moduleKey: string, locale: Locale) {
    const { course } = await this.content.contentFor(userId, enrolmentId);
    const module = course.modules.find((m) => m.key === moduleKey);
    if (!module) throw notFound('Module');
    return toLearnerQuiz(module.quiz, locale, await this.seeds.forDraft(enrolmentId, `quiz-${moduleKey}`));
  }

  /** Pre-test, post-test or follow-up: the stage says which one is open, and each has its own order. */
  async knowledgeTest(userId: string, enrolmentId: string, locale: Locale) {
    const { course } = await this.content.contentFor(userId, enrolmentId);
    const [row] = await this.reads.rows<{ stage: string | null }>(`SELECT stage FROM enrolments WHERE id = $1`, [enrolmentId]);
    const wave = knowledgeWaveOf(row?.stage ?? null);
    const seed = wave === null ? null : await this.seeds.forDraft(enrolmentId, `${wave}-knowledge`);
    return toLearnerKnowledgeTest(course.knowledgeTest, locale, seed);
  }
}
