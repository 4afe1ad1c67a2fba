import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { TransformationType } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { getMetadataStorage, validate } from 'class-validator';
import { AppException } from './app-exception.js';

/** Flattens nested validation errors into "field.sub: problem" sentences that name the field. */
export function describeValidationErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((m) =>
      m.startsWith('property ') ? m.replace(/^property (\S+) should not exist$/, `${path}: this field is not allowed`) : `${path}: ${m}`,
    );
    return [...own, ...describeValidationErrors(error.children ?? [], path)];
  });
}

/** What every body is checked with: only declared fields, an undeclared one refused, every problem reported. */
const VALIDATOR_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: false } as const;

const validationFailure = (errors: ValidationError[]) => {
  const messages = describeValidationErrors(errors);
  return new AppException(400, 'VALIDATION_FAILED', messages.join('; '), { fields: messages });
};

/** Nest's pipe as configured: class-transformer copies the value into the DTO first (the reference the fast path is tested against). */
export function copyingValidationPipe(): ValidationPipe {
  return new ValidationPipe({ ...VALIDATOR_OPTIONS, transform: true, exceptionFactory: validationFailure });
}

/**
 * The global pipe: a flat DTO (see isFlatDto) is checked by validateFlatBody — the same rules and the same 400, without
 * class-transformer's deep copy, which made validation ~15 % of everything an exam submission allocated; every other
 * DTO, and every non-object value, goes through Nest's pipe as before.
 */
class FlatDtoValidationPipe extends ValidationPipe {
  private readonly flat = new Map<unknown, boolean>();

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype, type } = metadata;
    if (metatype && type !== 'custom' && isPlainObject(value)) {
      let flat = this.flat.get(metatype);
      if (flat === undefined) this.flat.set(metatype, (flat = isFlatDto(metatype)));
      if (flat) return validateFlatBody(metatype as new () => object, value);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new FlatDtoValidationPipe({ ...VALIDATOR_OPTIONS, transform: true, exceptionFactory: validationFailure });
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * A DTO with validation rules and nothing class-transformer would do to it: no nested DTO (@ValidateNested), no
 * @Type, @Transform, @Expose or @Exclude on it or its ancestors. For such a DTO the copy changes nothing.
 */
export function isFlatDto(metatype: unknown): boolean {
  if (typeof metatype !== 'function') return false;
  const rules = getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false);
  if (rules.length === 0 || rules.some((rule) => rule.type === 'nestedValidation')) return false;
  if (defaultMetadataStorage.getExposedMetadatas(metatype).length || defaultMetadataStorage.getExcludedMetadatas(metatype).length) return false;
  return [...new Set(rules.map((rule) => rule.propertyName))].every((property) =>
    !defaultMetadataStorage.findTypeMetadata(metatype, property)
    && defaultMetadataStorage.findTransformMetadatas(metatype, property, TransformationType.PLAIN_TO_CLASS).length === 0);
}

/**
 * A body checked against a flat DTO (no nested DTOs: no @ValidateNested or @Type) exactly as the global pipe checks
 * it — same rules, same 400 — without class-transformer's deep copy of every nested value first (the answers of up to
 * 20 queued actions: a tenth of the API's time in the reconnect storm). The DTO's nested values are the body's own.
 */
export async function validateFlatBody<T extends object>(metatype: new () => T, body: Record<string, unknown>): Promise<T> {
  const instance = new metatype() as Record<string, unknown>;
  // As class-transformer does: never an own `constructor` (class-validator finds the DTO's rules through it) or `__proto__`.
  for (const key of Object.keys(body)) if (key !== '__proto__' && key !== 'constructor') instance[key] = body[key];
  const errors = await validate(instance, VALIDATOR_OPTIONS);
  if (errors.length) throw validationFailure(errors);
  return instance as T;
}
