import { getMetadataStorage } from 'class-validator';
import { KINDS } from '../journey/queued-submissions.service';
import { createValidationPipe, validateFlatBody } from './validation';

const pipe = createValidationPipe();
const viaPipe = (metatype: new () => object, body: unknown) =>
  pipe.transform(body, { type: 'body', metatype }).then((dto) => ({ ok: { ...dto } }), (error: Error) => ({ refused: error.message }));
const viaFlat = (metatype: new () => object, body: Record<string, unknown>) =>
  validateFlatBody(metatype, body).then((dto) => ({ ok: { ...dto } }), (error: Error) => ({ refused: error.message }));

const bodies: Record<string, unknown>[] = [
  {},
  { idempotencyKey: 'key-0001' },
  { idempotencyKey: 'no' },
  { idempotencyKey: 'key-0001', evaluationUse: true },
  { idempotencyKey: 'key-0001', evaluationUse: 'yes' },
  { idempotencyKey: 'key-0001', answers: { q1: ['a'], q2: [] } },
  { idempotencyKey: 'key-0001', answers: 'all of them' },
  { idempotencyKey: 'key-0001', nodeKey: 'start', choiceKey: 'listen' },
  { idempotencyKey: 'key-0001', nodeKey: 'Not a key!', choiceKey: 7 },
  { idempotencyKey: 'key-0001', knowledge: { q1: ['a'] }, attitude: { a1: 3 } },
  { idempotencyKey: 'key-0001', knowledge: { q1: ['a'] }, attitude: { a1: 3 }, practice: { p1: 'weekly' } },
  { idempotencyKey: 'key-0001', evaluationUse: true, extra: 1, constructor: 'x' },
  { idempotencyKey: 'key-0001', evaluationUse: true, constructor: { name: 'ConsentChoiceDto' } },
  JSON.parse('{"idempotencyKey":"key-0001","__proto__":{"evaluationUse":true}}') as Record<string, unknown>,
];

describe('validateFlatBody: a queued action checked as its own route checks it', () => {
  it.each(Object.entries(KINDS))('%s: every body gets the global pipe\'s answer (the same DTO, or the same 400 message)', async (_kind, spec) => {
    for (const body of bodies) expect({ body, answer: await viaFlat(spec.body, body) }).toEqual({ body, answer: await viaPipe(spec.body, body) });
  });

  it('is only used for flat DTOs: no queued kind validates a nested DTO', () => {
    for (const spec of Object.values(KINDS)) {
      const nested = getMetadataStorage().getTargetValidationMetadatas(spec.body, '', true, false).filter((m) => m.type === 'nestedValidation');
      expect({ dto: spec.body.name, nested }).toEqual({ dto: spec.body.name, nested: [] });
    }
  });
});
