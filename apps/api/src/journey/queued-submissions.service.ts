import { Injectable } from '@nestjs/common';
import type { Locale } from '#curriculum';
import { AppException, notFound } from '../common/app-exception.js';
import { ItemKeyPipe } from '../common/item-key.pipe.js';
import { createValidationPipe } from '../common/validation.js';
import { ASSESSMENT_PARTS, ASSESSMENT_WAVES, ConsentChoiceDto, FollowUpDto, IdempotentDto, type QueuedOutcomesDto, ScenarioChoiceDto, SubmitAnswersDto } from './journey.dto.js';
import { JourneyService } from './journey.service.js';
import { ScenarioRuns } from './scenario-runs.service.js';
import { JourneySubmissions, type QueuedAction, type SubmissionAction } from './submission.service.js';

/**
 * Each kind of queued action: the body its single route validates, and the route's own parameters (validated as the
 * route validates them). `alsoSent`: fields the phone keeps with the action that its route does not take.
 */
const KINDS = {
  consent: { body: ConsentChoiceDto, params: [], alsoSent: [] },
  withdraw: { body: IdempotentDto, params: [], alsoSent: [] },
  lesson: { body: IdempotentDto, params: ['lessonKey'], alsoSent: ['moduleKey'] },
  assessment: { body: SubmitAnswersDto, params: ['wave', 'part'], alsoSent: [] },
  quiz: { body: SubmitAnswersDto, params: ['moduleKey'], alsoSent: [] },
  scenario: { body: ScenarioChoiceDto, params: ['scenarioKey'], alsoSent: ['moduleKey'] },
  followUp: { body: FollowUpDto, params: [], alsoSent: [] },
} as const;
type Kind = keyof typeof KINDS;

const validation = createValidationPipe();
const itemKey = new ItemKeyPipe();
const badItem = (message: string) => new AppException(400, 'VALIDATION_FAILED', message);

/**
 * A phone's queue replayed in one request (the web outbox, after the connection returns): each item is validated
 * exactly as its single route validates it, then all run in one transaction (JourneySubmissions.submitMany). The
 * answer for each item is the one its single route would have given, so the phone records each the same way.
 */
@Injectable()
export class QueuedSubmissions {
  constructor(
    private readonly submissions: JourneySubmissions,
    private readonly journey: JourneyService,
    private readonly scenarios: ScenarioRuns,
  ) {}

  async replay(userId: string, enrolmentId: string, items: Record<string, unknown>[], requestLocale: Locale): Promise<QueuedOutcomesDto> {
    const queue: QueuedAction[] = [];
    for (const [index, item] of items.entries()) {
      const key = typeof item.idempotencyKey === 'string' ? item.idempotencyKey : '';
      try {
        queue.push({ key, action: await this.actionOf(item, requestLocale) });
      } catch (error) {
        if (!(error instanceof AppException)) throw error;
        if (!key) throw badItem(`items.${index}: idempotencyKey is required (the answer to an item is found by its key)`);
        queue.push({ key, action: error });
      }
    }
    if (new Set(queue.map((q) => q.key)).size !== queue.length) throw badItem('items: each idempotencyKey may appear once');
    return { outcomes: await this.submissions.submitMany(userId, enrolmentId, queue) };
  }

  private async actionOf(item: Record<string, unknown>, requestLocale: Locale): Promise<SubmissionAction> {
    const { kind, lang, ...fields } = item;
    if (typeof kind !== 'string' || !Object.hasOwn(KINDS, kind)) throw badItem(`kind must be one of: ${Object.keys(KINDS).join(', ')}`);
    if (lang !== undefined && lang !== 'es' && lang !== 'en') throw badItem('lang must be es or en');
    const locale: Locale = lang ?? requestLocale;
    const spec = KINDS[kind as Kind];
    const body: Record<string, unknown> = {};
    const params: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(fields)) {
      if ((spec.params as readonly string[]).includes(name)) params[name] = value;
      else if (!(spec.alsoSent as readonly string[]).includes(name)) body[name] = value;
    }
    for (const name of spec.params) if (params[name] === undefined) throw badItem(`${name} is required for a ${kind} item`);
    const dto = await validation.transform(body, { type: 'body', metatype: spec.body });
    switch (kind as Kind) {
      case 'consent':
        return this.journey.consentAction((dto as ConsentChoiceDto).evaluationUse);
      case 'withdraw':
        return this.journey.withdrawAction();
      case 'lesson':
        return this.journey.lessonAction(itemKey.transform(params.lessonKey as string));
      case 'assessment': {
        const { wave, part } = params;
        if (!ASSESSMENT_WAVES.includes(wave as never) || !ASSESSMENT_PARTS.includes(part as never)) throw notFound('Assessment');
        return this.journey.assessmentAction(wave as 'pre' | 'post', part as 'knowledge' | 'attitude' | 'then', (dto as SubmitAnswersDto).answers, locale);
      }
      case 'quiz':
        return this.journey.quizAction(itemKey.transform(params.moduleKey as string), (dto as SubmitAnswersDto).answers, locale);
      case 'scenario': {
        const { nodeKey, choiceKey } = dto as ScenarioChoiceDto;
        return this.scenarios.choiceAction(itemKey.transform(params.scenarioKey as string), nodeKey, choiceKey, locale);
      }
      case 'followUp': {
        const { knowledge, attitude, practice } = dto as FollowUpDto;
        return this.journey.followUpAction({ knowledge, attitude, practice }, locale);
      }
    }
  }
}
