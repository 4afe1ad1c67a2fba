// Names the page and the service worker (src/sw) must agree on. No imports: the worker is built from this file too.

/** IndexedDB database of the answer queue, local drafts and receipts. */
export const DB_NAME = 'respeta-offline';
/** Learner API answers the service worker keeps so that opened lessons and assessments read offline. */
export const LEARNER_CACHE = 'respeta-learner-api';
/** Set by the service worker on an answer it gave from its stored copy because the network failed. */
export const FROM_CACHE_HEADER = 'X-Respeta-Offline-Copy';
