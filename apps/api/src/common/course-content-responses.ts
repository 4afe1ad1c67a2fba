import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

/**
 * The learner's course material: the outline, lessons, the learner view of the tests, questionnaires, quizzes and
 * scenarios — the same text for everyone on a course version, with no personal data and no secret in it. (Drafts
 * and everything else stay `no-store`, uncompressed.)
 */
export const COURSE_CONTENT_ROUTE =
  /^\/api\/enrolments\/[0-9a-f-]{36}\/(outline|lessons\/[^/?]+|knowledge-test|attitude-instrument|practice-questionnaire|modules\/[^/?]+\/quiz|scenarios\/[^/?]+(\/nodes\/[^/?]+)?)(\?|$)/;
/** The learner's journey (read on every course page, ~4 KB): compressed too, but personal, so never cached. */
const JOURNEY_ROUTE = /^\/api\/enrolments\/[0-9a-f-]{36}\/journey(\?|$)/;
const MIN_GZIP_BYTES = 1024;

/**
 * Course material travels gzip-compressed (a course outline is 16 KB of JSON, 5 KB compressed) and with an ETag:
 * the phone keeps it (`private, no-cache`) and asks again with If-None-Match, so a repeat visit gets "304 Not
 * Modified" instead of the text. Only these answers: they never carry a token and never echo what a request sent,
 * so compressing them gives an attacker nothing to measure (BREACH).
 */
export function addCourseContentCaching(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const gzipWanted = payload.length >= MIN_GZIP_BYTES && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    if (JOURNEY_ROUTE.test(request.url)) {
      if (!gzipWanted) return payload;
      reply.header('Content-Encoding', 'gzip').header('Vary', 'Accept-Encoding');
      return gzipSync(payload, { level: 1 }); // the fastest level: it is read often, and 4 KB → ~1.3 KB already
    }
    if (!COURSE_CONTENT_ROUTE.test(request.url)) return payload;
    const etag = `"${createHash('sha1').update(payload).digest('base64url')}"`;
    reply.header('ETag', etag).header('Cache-Control', 'private, no-cache').header('Vary', 'Accept-Encoding');
    if (request.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
      reply.code(304).removeHeader('Content-Type');
      return '';
    }
    if (!gzipWanted) return payload;
    reply.header('Content-Encoding', 'gzip');
    return gzipSync(payload);
  });
}
