import { Transform, Type } from 'class-transformer';
import { getMetadataStorage, IsInt, IsString, ValidateNested } from 'class-validator';
import { KINDS } from '../journey/queued-submissions.service';
import { AssessmentParams } from '../journey/journey.dto';
import { LoginDto } from '../auth/auth.dto';
import { copyingValidationPipe, createValidationPipe, isFlatDto, validateFlatBody } from './validation';

// The reference: Nest's pipe with class-transformer's copy (the global pipe takes a fast path for flat DTOs).
const reference = copyingValidationPipe();
const viaPipe = (metatype: new () => object, body: unknown) =>
  reference.transform(body, { type: 'body', metatype }).then((dto) => ({ ok: { ...dto } }), (error: Error) => ({ refused: error.message }));
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

describe('the global validation pipe', () => {
  const pipe = createValidationPipe();
  const viaGlobal = (metatype: new () => object, body: unknown, type: 'body' | 'param' | 'query' = 'body') =>
    pipe.transform(body, { type, metatype }).then((dto) => ({ ok: { ...(dto as object) }, instance: dto instanceof metatype }), (error: Error) => ({ refused: error.message }));
  const viaReference = (metatype: new () => object, body: unknown, type: 'body' | 'param' | 'query' = 'body') =>
    reference.transform(body, { type, metatype }).then((dto) => ({ ok: { ...(dto as object) }, instance: dto instanceof metatype }), (error: Error) => ({ refused: error.message }));

  it.each([...Object.values(KINDS).map((k) => k.body), LoginDto])('%p: the same DTO or the same 400 as Nest\'s copying pipe, for every body', async (metatype) => {
    const more = [{ email: 'ana@respeta.pe', password: 'secreto-largo' }, { email: 'not an e-mail', password: 3 }, [], 'text', 7, null];
    for (const body of [...bodies, ...more]) expect({ body, answer: await viaGlobal(metatype, body) }).toEqual({ body, answer: await viaReference(metatype, body) });
  });

  it('route parameters: the same answer too', async () => {
    const id = 'a1b2c3d4-0000-4000-8000-000000000001';
    for (const params of [{ enrolmentId: id, wave: 'pre', part: 'knowledge' }, { enrolmentId: id, wave: 'mid', part: 'knowledge' }, { enrolmentId: 'x', wave: 'pre', part: 'then' }]) {
      expect(await viaGlobal(AssessmentParams, params, 'param')).toEqual(await viaReference(AssessmentParams, params, 'param'));
    }
  });

  it('takes the fast path only for DTOs class-transformer would not change', () => {
    class Nested { @IsInt() n!: number; }
    class WithNested { @ValidateNested() @Type(() => Nested) inner!: Nested; }
    class Converted { @Type(() => Number) @IsInt() page!: number; }
    class Transformed { @Transform(({ value }) => String(value).trim()) @IsString() name!: string; }
    class Plain { @IsString() name!: string; }
    expect([WithNested, Converted, Transformed, Plain, Object, String].map(isFlatDto)).toEqual([false, false, false, true, false, false]);
  });

  it('a DTO class-transformer converts is still converted', async () => {
    class Page { @Type(() => Number) @IsInt() page!: number; }
    expect(await viaGlobal(Page, { page: '3' }, 'query')).toEqual({ ok: { page: 3 }, instance: true });
  });
});
