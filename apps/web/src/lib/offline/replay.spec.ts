import 'fake-indexeddb/auto';
import { ApiError } from '../api/api-client';
import { closeOfflineDb, offlineDb, type OutboxEntry } from './offline-db';
import { forgetOfflineData, outboxStatus, rememberLearner } from './offline-store';
import type { Submission } from '../journey/journey-submit';
import { backoffMs, createOutbox, type QueuedRequest, targetOf } from './replay';

/** The server as the queue sees it: a function per try. The real wire is covered by test/browser/offline.e2e-spec.ts. */
function fakeServer() {
  const calls: string[] = [];
  /** Each request's keys (a queue request carries several). */
  const requests: string[][] = [];
  /** Keys the server answers inside a queue request with this status, as its route would. */
  const itemStatus = new Map<string, { status: number; code: string }>();
  let mode: 'up' | 'down' | { status: number; code: string } = 'up';
  let delayMs = 0;
  const answer = (entry: OutboxEntry) => ({ accepted: targetOf(entry.submission), answers: (entry.submission as { answers?: unknown }).answers });
  const reachServer = async () => {
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    if (mode === 'down') throw new ApiError('NETWORK_ERROR', 'offline', 0);
    if (mode !== 'up') throw new ApiError(mode.code as ApiError['code'], 'refused', mode.status);
  };
  return {
    calls,
    requests,
    itemStatus,
    set: (next: typeof mode) => (mode = next),
    slow: (ms: number) => (delayMs = ms),
    async send(entry: OutboxEntry) {
      calls.push(entry.key);
      requests.push([entry.key]);
      await reachServer();
      return answer(entry);
    },
    async sendMany(entries: OutboxEntry[]) {
      calls.push(...entries.map((e) => e.key));
      requests.push(entries.map((e) => e.key));
      await reachServer();
      return entries.map((e) => itemStatus.get(e.key) ?? { status: 200, result: answer(e) });
    },
  };
}

const clock = 1_000_000;
/** Whether the outbox may send several entries in one request: every behaviour below holds either way. */
let queueRouteByDefault = false;
function setup(owner: string | null = 'learner-1', { queueRoute = queueRouteByDefault } = {}) {
  const server = fakeServer();
  const box = createOutbox({
    send: server.send, ...(queueRoute ? { sendMany: server.sendMany } : {}), owner: () => owner, now: () => clock, random: () => 0.5, exclusive: (run) => run(),
  });
  return { server, box };
}

/** An action by the queue's name for it: "pre-knowledge", "quiz-m1", anything else a lesson of that key. */
function submissionFor(target: string): Submission {
  if (target === 'pre-knowledge') return { kind: 'assessment', wave: 'pre', part: 'knowledge', answers: { k1: ['a'] } };
  if (target.startsWith('quiz-')) return { kind: 'quiz', moduleKey: target.slice(5), answers: { q1: ['b'] } };
  return { kind: 'lesson', moduleKey: 'm1', lessonKey: target.replace(/^lesson-/, '') };
}
const request = (key: string, target = 'pre-knowledge', enrolmentId = 'enrol-1'): QueuedRequest => ({ enrolmentId, key, lang: 'es', submission: submissionFor(target) });

afterEach(async () => {
  await forgetOfflineData();
  await closeOfflineDb();
});

describe.each([
  ['one request per entry', false],
  ['with the queue route', true],
])('the answer queue (%s)', (_, queueRoute) => {
  beforeEach(() => (queueRouteByDefault = queueRoute));

  it('sends at once when the server answers, and keeps nothing afterwards', async () => {
    const { server, box } = setup();
    await expect(box.sendQueued(request('key-00001'))).resolves.toEqual({ state: 'sent', data: { accepted: 'pre-knowledge', answers: { k1: ['a'] } } });
    const db = await offlineDb();
    expect(await db.count('outbox')).toBe(0);
    expect(await db.count('receipts')).toBe(0);
    expect(server.calls).toEqual(['key-00001']);
  });

  it('keeps an answer made offline on the phone, with backoff, and sends it once when the connection returns', async () => {
    const { server, box } = setup();
    server.set('down');
    await expect(box.sendQueued(request('key-00002'))).resolves.toEqual({ state: 'queued' });
    const stored = (await (await offlineDb()).get('outbox', 'key-00002'))!;
    expect(stored).toMatchObject({ state: 'waiting', tries: 1, owner: 'learner-1', target: 'pre-knowledge', submission: request('key-00002').submission });
    expect(stored.nextAt - clock).toBe(backoffMs(1, () => 0.5));
    expect(outboxStatus.get()).toEqual({ waiting: 1, rejected: 0 });

    // Still down: a timer-driven pass before nextAt does not even try.
    await box.flush();
    expect(server.calls).toHaveLength(1);

    server.set('up');
    await box.flush(true);
    await box.flush(true);
    expect(server.calls).toEqual(['key-00002', 'key-00002']);
    const { entry, receipt } = await box.readTarget('enrol-1', 'pre-knowledge');
    expect(entry).toBeNull();
    expect(receipt?.result).toEqual({ accepted: 'pre-knowledge', answers: { k1: ['a'] } });
    expect(outboxStatus.get()).toEqual({ waiting: 0, rejected: 0 });
  });

  it('sends each key once when replays overlap (load, focus and the connection returning together)', async () => {
    const { server, box } = setup();
    server.set('down');
    for (const key of ['key-a0001', 'key-a0002', 'key-a0003']) await box.sendQueued(request(key, `lesson-${key}`));
    server.set('up');
    server.slow(20);
    server.calls.length = 0;
    await Promise.all([box.flush(true), box.flush(true), box.flush(true), box.flush()]);
    expect(server.calls).toEqual(['key-a0001', 'key-a0002', 'key-a0003']);
  });

  it('keeps the order within an enrolment: a later action waits while an earlier one cannot be sent', async () => {
    const { server, box } = setup();
    server.set('down');
    await box.sendQueued(request('lesson-k1', 'lesson-l1'));
    await box.sendQueued(request('quiz-k001', 'quiz-m1'));
    await box.sendQueued(request('other-k01', 'pre-knowledge', 'enrol-2'));
    // Only the first try of each was made (no answer stops the pass): the quiz never went before its lesson.
    expect(server.calls.filter((k) => k === 'quiz-k001').length).toBeLessThanOrEqual(server.calls.filter((k) => k === 'lesson-k1').length);
    server.calls.length = 0;
    server.set('up');
    await box.flush(true);
    expect(server.calls).toEqual(['lesson-k1', 'quiz-k001', 'other-k01']);
  });

  it('tells the learner when the server refuses a replayed answer, and keeps it until read', async () => {
    const { server, box } = setup();
    server.set('down');
    await box.sendQueued(request('key-00003'));
    server.set({ status: 409, code: 'EVENT_NOT_ALLOWED' });
    await box.flush(true);
    const [refused] = await box.rejected();
    expect(refused).toMatchObject({ key: 'key-00003', state: 'rejected', error: { code: 'EVENT_NOT_ALLOWED', status: 409 } });
    expect(outboxStatus.get()).toEqual({ waiting: 0, rejected: 1 });
    await box.flush(true);
    expect(server.calls).toHaveLength(2); // a refusal is final: never sent again
    await box.forget('key-00003');
    expect(await box.rejected()).toEqual([]);
  });

  it('leaves a refusal the page is waiting for to the page: one notice, not a second in the refused list', async () => {
    const { server, box } = setup();
    const events: string[] = [];
    box.subscribe((event) => events.push(event.type));
    server.set({ status: 409, code: 'EVENT_NOT_ALLOWED' });
    await expect(box.sendQueued(request('key-00009'))).rejects.toMatchObject({ code: 'EVENT_NOT_ALLOWED', status: 409 });
    expect(events).not.toContain('rejected');
    expect(await box.rejected()).toEqual([]);
    expect(outboxStatus.get()).toEqual({ waiting: 0, rejected: 0 });
  });

  it('keeps a resent action (same key) in its place and stored once', async () => {
    const { server, box } = setup();
    server.set('down');
    await box.sendQueued(request('lesson-k2', 'lesson-l1'));
    await box.sendQueued(request('quiz-k002', 'quiz-m1'));
    await box.sendQueued(request('lesson-k2', 'lesson-l1')); // the driver retrying the first
    const db = await offlineDb();
    expect((await db.getAllFromIndex('outbox', 'byCreated')).map((e) => e.key)).toEqual(['lesson-k2', 'quiz-k002']);
    server.set('up');
    server.calls.length = 0;
    await box.flush(true);
    expect(server.calls).toEqual(['lesson-k2', 'quiz-k002']);
    // Sent again after it went through: the answer the server gave, without a second request.
    await expect(box.sendQueued(request('quiz-k002', 'quiz-m1'))).resolves.toMatchObject({ state: 'sent', data: { accepted: 'quiz-m1' } });
    expect(server.calls).toEqual(['lesson-k2', 'quiz-k002']);
  });

  it('throws the refusal straight to the page when it happens while the learner waits', async () => {
    const { server, box } = setup();
    server.set({ status: 400, code: 'VALIDATION_FAILED' });
    await expect(box.sendQueued(request('key-00004'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(await (await offlineDb()).count('outbox')).toBe(0);
  });

  it('retries a server outage (503) and an ended session (401) instead of dropping the answer', async () => {
    const { server, box } = setup();
    server.set({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    await expect(box.sendQueued(request('key-00005'))).resolves.toEqual({ state: 'queued' });
    server.set({ status: 401, code: 'UNAUTHORIZED' });
    await box.flush(true);
    expect((await (await offlineDb()).get('outbox', 'key-00005'))!.state).toBe('waiting');
    server.set('up');
    await box.flush(true);
    expect((await box.readTarget('enrol-1', 'pre-knowledge')).receipt).not.toBeNull();
  });

  it("never sends or shows another user's answers", async () => {
    const first = setup('learner-1');
    first.server.set('down');
    await first.box.sendQueued(request('key-00006'));
    const second = setup('learner-2');
    await second.box.flush(true);
    expect(second.server.calls).toEqual([]);
    expect(await second.box.readTarget('enrol-1', 'pre-knowledge')).toEqual({ entry: null, receipt: null });
  });

  it('signing out deletes the queue, the drafts and the stored learner', async () => {
    rememberLearner({ id: 'learner-1', role: 'learner' } as never);
    const { server, box } = setup();
    server.set('down');
    await box.sendQueued(request('key-00007'));
    await forgetOfflineData();
    expect(localStorage.getItem('respeta.offline.user')).toBeNull();
    expect(await (await offlineDb()).count('outbox')).toBe(0);
  });

  it("sends an enrolment's queue in one request and records each answer, one entry alone on its own route", async () => {
    const { server, box } = setup('learner-1', { queueRoute: true });
    server.set('down');
    await box.sendQueued(request('lesson-q1', 'lesson-l1'));
    await box.sendQueued(request('other-q01', 'pre-knowledge', 'enrol-2'));
    await box.sendQueued(request('lesson-q2', 'lesson-l2'));
    await box.sendQueued(request('quiz-q001', 'quiz-m1'));
    server.set('up');
    server.requests.length = 0;
    await box.flush(true);
    expect(server.requests).toEqual([['lesson-q1', 'lesson-q2', 'quiz-q001'], ['other-q01']]);
    expect((await box.readTarget('enrol-1', 'quiz-m1')).receipt?.result).toEqual({ accepted: 'quiz-m1', answers: { q1: ['b'] } });
    expect((await box.readTarget('enrol-2', 'pre-knowledge')).receipt).not.toBeNull();
    expect(await (await offlineDb()).count('outbox')).toBe(0);
    expect(outboxStatus.get()).toEqual({ waiting: 0, rejected: 0 });
  });

  it('in a queue request, a refused entry is refused alone and one to retry holds the entries after it', async () => {
    const { server, box } = setup('learner-1', { queueRoute: true });
    server.set('down');
    for (const key of ['key-b0001', 'key-b0002', 'key-b0003', 'key-b0004']) await box.sendQueued(request(key, `lesson-${key}`));
    server.set('up');
    server.itemStatus.set('key-b0002', { status: 409, code: 'EVENT_NOT_ALLOWED' });
    server.itemStatus.set('key-b0003', { status: 503, code: 'SERVICE_UNAVAILABLE' });
    await box.flush(true);
    const db = await offlineDb();
    expect(await box.rejected()).toEqual([expect.objectContaining({ key: 'key-b0002', error: { code: 'EVENT_NOT_ALLOWED', status: 409 } })]);
    expect(await db.get('outbox', 'key-b0003')).toMatchObject({ state: 'waiting', tries: 1 });
    expect(await db.get('outbox', 'key-b0004')).toMatchObject({ state: 'waiting', tries: 0 });
    expect((await box.readTarget('enrol-1', 'lesson-key-b0001')).receipt).not.toBeNull();
    // Next pass: the two left go together, in order.
    server.itemStatus.clear();
    server.requests.length = 0;
    await box.flush(true);
    expect(server.requests).toEqual([['key-b0003', 'key-b0004']]);
    expect(outboxStatus.get()).toEqual({ waiting: 0, rejected: 1 });
  });

  it('keeps a whole queue when its request gets no answer, and refuses each entry when the request is refused', async () => {
    const { server, box } = setup('learner-1', { queueRoute: true });
    server.set('down');
    for (const key of ['key-c0001', 'key-c0002']) await box.sendQueued(request(key, `lesson-${key}`));
    await box.flush(true);
    const db = await offlineDb();
    expect((await db.getAll('outbox')).map((e) => e.state)).toEqual(['waiting', 'waiting']);
    server.set({ status: 404, code: 'NOT_FOUND' });
    await box.flush(true);
    expect((await box.rejected()).map((e) => e.key).sort()).toEqual(['key-c0001', 'key-c0002']);
  });

  it('keeps an action behind an undelivered one in its place, and sends it once with the queue', async () => {
    const { server, box } = setup();
    server.set('down');
    await box.sendQueued(request('lesson-k7', 'lesson-l1'));
    await box.keep(request('lesson-k8', 'lesson-l2')); // the driver has not sent it yet: the first has no answer
    await box.keep(request('lesson-k8', 'lesson-l2')); // kept twice: stored once
    const db = await offlineDb();
    expect((await db.getAllFromIndex('outbox', 'byCreated')).map((e) => e.key)).toEqual(['lesson-k7', 'lesson-k8']);
    expect(outboxStatus.get()).toEqual({ waiting: 2, rejected: 0 });
    server.set('up');
    server.calls.length = 0;
    await box.flush(true);
    expect(server.calls).toEqual(['lesson-k7', 'lesson-k8']);
    // The driver's turn for it comes: the answer the queue got, no second request, and nothing left behind.
    await expect(box.sendQueued(request('lesson-k8', 'lesson-l2'))).resolves.toMatchObject({ state: 'sent', data: { accepted: 'lesson-l2' } });
    expect(server.calls).toEqual(['lesson-k7', 'lesson-k8']);
    expect(await db.count('receipts')).toBe(1); // lesson-k7's, which no page has read yet
  });

  it('backs off exponentially with jitter, capped at five minutes', () => {
    expect(backoffMs(1, () => 0)).toBe(1000);
    expect(backoffMs(1, () => 1)).toBe(2000);
    expect(backoffMs(4, () => 0)).toBe(8000);
    expect(backoffMs(30, () => 1)).toBe(300_000);
  });
});
