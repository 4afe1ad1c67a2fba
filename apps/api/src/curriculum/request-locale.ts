import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Locale } from '#curriculum';

/** `?lang=` wins, then the first supported language in Accept-Language, then Spanish. */
export function resolveLocale(lang: unknown, acceptLanguage: string | undefined): Locale {
  if (lang === 'es' || lang === 'en') return lang;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'es' || tag === 'en') return tag;
  }
  return 'es';
}

export const RequestLocale = createParamDecorator((_: unknown, ctx: ExecutionContext): Locale => {
  const req = ctx.switchToHttp().getRequest<FastifyRequest>();
  return resolveLocale((req.query as Record<string, unknown> | undefined)?.lang, req.headers['accept-language']);
});
