// One shape for every complaint about content or answers, so authors and API clients see a single list.
import type { z } from 'zod';

export interface Problem {
  /** Where, e.g. `modules[2].quiz.questions[0].options`; empty for the whole value. */
  path: string;
  message: string;
  /** Set by the loader: the content file the path points into. */
  file?: string;
}

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

export function joinPath(prefix: string, suffix: string): string {
  if (!prefix) return suffix;
  if (!suffix) return prefix;
  return suffix.startsWith('[') ? `${prefix}${suffix}` : `${prefix}.${suffix}`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'object') return 'a group of fields';
  return `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
};

const units = (count: number, origin: string | undefined): string => {
  if (origin === 'string') return `${count} character${count === 1 ? '' : 's'}`;
  if (origin === 'array' || origin === 'set') return `${count} item${count === 1 ? '' : 's'}`;
  return String(count);
};

/** A too_small / too_big message: a number's bound, else a length (exact or at least/most) with what the value has. */
function outOfBounds(
  { input, origin, inclusive, exact }: { input?: unknown; origin: string; inclusive?: boolean; exact?: boolean },
  bound: number | bigint, [within, beyond]: [string, string],
): string {
  if (origin === 'number') return `must be ${inclusive ? within : beyond} ${String(bound)}`;
  const count = Array.isArray(input) ? input.length : typeof input === 'string' ? input.length : undefined;
  const has = count === undefined ? '' : ` (has ${units(count, origin)})`;
  return `must have ${exact ? 'exactly' : within} ${units(Number(bound), origin)}${has}`;
}

/**
 * Error map passed to safeParse: turns zod's issues into sentences an author understands.
 * Messages set on a schema itself (custom refinements) take precedence over this map.
 */
export const friendlyErrorMap: z.core.$ZodErrorMap = (issue) => {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return 'is required';
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describe(input)}`;
    case 'too_small':
      return outOfBounds(issue, issue.minimum, ['at least', 'more than']);
    case 'too_big':
      return outOfBounds(issue, issue.maximum, ['at most', 'less than']);
    case 'invalid_value':
      return `must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (got ${JSON.stringify(input) ?? 'nothing'})`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling against FORMAT.md)`;
    case 'invalid_union': {
      const discriminator = (issue as { discriminator?: string }).discriminator;
      const options = (issue as { options?: unknown[] }).options;
      if (discriminator && options) return `must be one of: ${options.map((o) => JSON.stringify(o)).join(', ')}`;
      return 'does not match any allowed shape';
    }
    case 'invalid_format':
      return `is not a valid ${issue.format}`;
    default:
      return undefined;
  }
};

export function zodIssuesToProblems(issues: readonly z.core.$ZodIssue[], prefix = ''): Problem[] {
  return issues.map((issue) => ({ path: joinPath(prefix, formatPath(issue.path)), message: issue.message }));
}
