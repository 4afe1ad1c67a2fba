import { Injectable, type PipeTransform } from '@nestjs/common';
import { KEY_PATTERN } from '#curriculum';
import { notFound } from './app-exception.js';

/** Route parameters naming a course item (lesson, module, question, scenario…): anything not shaped like a key is simply not found. */
@Injectable()
export class ItemKeyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || value.length > 80 || !KEY_PATTERN.test(value)) throw notFound('Item');
    return value;
  }
}
