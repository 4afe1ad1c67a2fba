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
  // A callback hook, not an async one: it runs on every answer, the hot reads included, and most pass straight through.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string') return done(null, payload);
    const journey = JOURNEY_ROUTE.test(request.url);
    if (!journey && !COURSE_CONTENT_ROUTE.test(request.url)) return done(null, payload);
    reply.header('Vary', 'Accept-Encoding');
    if (!journey) {
      const etag = `"${createHash('sha1').update(payload).digest('base64url')}"`;
      reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');
      if (request.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
        reply.code(304).removeHeader('Content-Type');
        return done(null, '');
      }
    }
    if (payload.length < MIN_GZIP_BYTES || !/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return done(null, payload);
    reply.header('Content-Encoding', 'gzip');
    // The journey is read often and changes: the fastest level (4 KB → ~1.3 KB already); course material the default.
    done(null, gzipSync(payload, { level: journey ? 1 : 6 }));
  });
}
