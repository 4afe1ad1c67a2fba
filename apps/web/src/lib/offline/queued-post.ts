import type { paths } from '../api/schema';
import type { OutboxEntry } from './offline-db';
import { outbox, type Outcome } from './replay';

type PostPath = { [P in keyof paths]: paths[P]['post'] extends undefined ? never : P }[keyof paths];
type Operation<P extends PostPath> = NonNullable<paths[P]['post']>;
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Params<P extends PostPath> = Operation<P> extends { parameters: infer Q } ? Q : never;
type Body<P extends PostPath> = Operation<P> extends { requestBody: infer B } ? Json<NonNullable<B>> : never;
type Data<P extends PostPath> = Operation<P> extends { responses: { 200: infer R } } ? Json<R> : never;

/**
 * A learner's submission through the answer queue, typed by the OpenAPI document like api.POST: written to this
 * phone first, then sent; "queued" when the server could not be reached (the queue sends it later, same key).
 */
export function queuedPost<P extends PostPath>(
  target: { enrolmentId: string; target: string; label?: string },
  path: P,
  init: { params: Partial<Params<P>>; body: Body<P> & { idempotencyKey: string } },
): Promise<Outcome<Data<P>>> {
  return outbox.sendQueued<Data<P>>({ ...target, path, init: init as unknown as OutboxEntry['init'] });
}
