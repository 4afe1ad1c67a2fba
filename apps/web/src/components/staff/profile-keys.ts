import type { Translator as I18n } from '../../lib/translator';
import type { ApiSchemas } from '../../lib/api/api-client';

export type Region = NonNullable<ApiSchemas['UserDto']['region']>;
export type PositionType = NonNullable<ApiSchemas['UserDto']['positionType']>;

/**
 * Peru's departments and the position types, in the order common.json lists them. The labels there are the single
 * list (the server validates the same keys), so a select never offers a value without a translation.
 */
export function regionKeys(i18n: I18n): Region[] {
  return Object.keys((i18n.getResource('es', 'translation', 'regions') as Record<string, string> | undefined) ?? {}) as Region[];
}
export function positionTypeKeys(i18n: I18n): PositionType[] {
  return Object.keys((i18n.getResource('es', 'translation', 'positionTypes') as Record<string, string> | undefined) ?? {}) as PositionType[];
}
