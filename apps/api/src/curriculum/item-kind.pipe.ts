import { Injectable, type PipeTransform } from '@nestjs/common';
import { ITEM_KINDS, type ItemKind } from '#curriculum';
import { notFound } from '../common/app-exception.js';

/** The kind of a draft item in a route (lesson, question, scenario…); anything else is simply not found. */
@Injectable()
export class ItemKindPipe implements PipeTransform<string, ItemKind> {
  transform(value: string): ItemKind {
    if (!(ITEM_KINDS as readonly string[]).includes(value)) throw notFound('Item');
    return value as ItemKind;
  }
}
