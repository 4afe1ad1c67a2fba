import { ValidationPipe, type ValidationError } from '@nestjs/common';
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

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const messages = describeValidationErrors(errors);
      return new AppException(400, 'VALIDATION_FAILED', messages.join('; '), { fields: messages });
    },
  });
}
