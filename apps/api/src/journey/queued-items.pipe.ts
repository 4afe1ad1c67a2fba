import { Injectable, type PipeTransform } from '@nestjs/common';
import { AppException } from '../common/app-exception.js';
import { QUEUE_BATCH_MAX } from './journey.dto.js';

export type QueuedItems = Record<string, unknown>[];

const refuse = (message: string) => new AppException(400, 'VALIDATION_FAILED', message, { fields: [message] });

/**
 * The queue route's body (QueuedSubmissionsDto): `{ items: [1–20 objects] }`, checked by hand. Each item is then
 * validated exactly as its own route validates it (QueuedSubmissions.replay); the global ValidationPipe would first
 * copy every item's answers once more through class-transformer, a tenth of the API's time in the reconnect storm.
 */
@Injectable()
export class QueuedItemsPipe implements PipeTransform<unknown, QueuedItems> {
  transform(body: unknown): QueuedItems {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw refuse('items: send an object { items: [...] }');
    const extra = Object.keys(body).filter((key) => key !== 'items');
    if (extra.length) throw refuse(extra.map((key) => `${key}: this field is not allowed`).join('; '));
    const { items } = body as { items?: unknown };
    if (!Array.isArray(items) || items.length < 1 || items.length > QUEUE_BATCH_MAX) {
      throw refuse(`items: must be a list of 1 to ${QUEUE_BATCH_MAX} queued actions`);
    }
    if (!items.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))) throw refuse('items: each item must be an object');
    return items as QueuedItems;
  }
}
