// The browser's journey actor and its ordered outbox, against a server that runs the same machine (libs/journey's
// applyJourneyEvent) with an idempotency ledger, and that can drop off the network.
import { journeyCheckpoints } from '../../../../../libs/journey/test/journey-checkpoints';
import { T0, threeModuleOutline } from '../../../../../libs/journey/test/journey-fixtures';
import { applyJourneyEvent, journeyStage, type JourneyEvent, type PersistedJourney } from '#journey';
import { ApiError } from '../api/api-client';
import { JourneyDriver } from './journey-driver';
import type { Submission } from './journey-submit';

const outline = threeModuleOutline();
const checkpoint = (name: string) => journeyCheckpoints(outline, T0).find((c) => c.name === name)!.snapshot;

/** The API's submission path in miniature: replay by key, else the machine decides (409 with its code) and it is stored. */
class Server {
  journey: PersistedJourney;
  offline = false;
  /** Processes the request, then loses the answer on the way back (the case idempotency keys exist for). */
  loseNextAnswer = false;
  clock = T0 + 100_000;
  readonly received: { key: string; kind: string }[] = [];
  private readonly ledger = new Map<string, unknown>();

  constructor(journey: PersistedJourney) {
    this.journey = journey;
  }

  async send(submission: Submission, key: string): Promise<any> {
    await Promise.resolve();
    if (this.offline) throw new ApiError('NETWORK_ERROR', 'offline', 0);
    this.received.push({ key, kind: submission.kind });
    const answer = this.ledger.get(key) ?? this.process(submission, key);
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new ApiError('NETWORK_ERROR', 'connection reset', 0);
    }
    return answer;
  }

  private process(submission: Submission, key: string): unknown {
    const at = (this.clock += 1000);
    const event: JourneyEvent = (() => {
      switch (submission.kind) {
        case 'lesson': return { type: 'lesson.completed', moduleKey: submission.moduleKey, lessonKey: submission.lessonKey, at };
        case 'quiz': return { type: 'quiz.graded', moduleKey: submission.moduleKey, passed: Object.keys(submission.answers).length > 0, score: 0.9, at };
        case 'withdraw': return { type: 'consent.withdrawn', at };
        default: throw new Error(`not in this test: ${submission.kind}`);
      }
    })();
    const result = applyJourneyEvent(this.journey, event);
    if (!result.accepted) throw new ApiError(result.reason, result.reason, 409);
    this.journey = result.snapshot;
    const answer = { journey: { snapshot: this.journey }, grade: { passed: submission.kind === 'quiz' } };
    this.ledger.set(key, answer);
    return answer;
  }
}

function setUp(name: string) {
  const server = new Server(checkpoint(name));
  const driver = new JourneyDriver(server.journey, {
    send: (submission, key) => server.send(submission, key),
    load: async () => server.journey,
    now: () => server.clock,
    retryDelayMs: 1,
  });
  return { server, driver };
}
const lessonsRead = (driver: JourneyDriver, moduleKey = 'm1') => driver.getState().snapshot.context.modules.find((m) => m.key === moduleKey)!.lessonsRead;
const lesson = (lessonKey: string): Submission => ({ kind: 'lesson', moduleKey: 'm1', lessonKey });
const quiz: Submission = { kind: 'quiz', moduleKey: 'm1', answers: { q1: ['a'] } };

describe('the browser journey actor', () => {
  it('moves at once when the machine allows the step, then takes the server’s snapshot', async () => {
    const { server, driver } = setUp('learning m1, reading (nothing read)');
    const started = driver.act(lesson('intro'), 'es');
    expect(started.accepted).toBe(true);
    expect(lessonsRead(driver)).toEqual(['intro']); // before the server has answered
    expect(started.view.nextStep).toEqual({ kind: 'lesson', moduleKey: 'm1', lessonKey: 'law' });
    expect(driver.getState().pending).toBe(1);
    await expect(started.outcome).resolves.toMatchObject({ status: 'sent' });
    expect(driver.getState().pending).toBe(0);
    // The server's record (its own clock) replaced the optimistic one.
    expect(driver.getState().snapshot.context.lastActivityAt).toBe(server.journey.context.lastActivityAt);
    expect(driver.getState().snapshot.context).toEqual(server.journey.context);
  });

  it('does not move ahead of the server on a graded step: the quiz verdict comes from the server', async () => {
    const { driver } = setUp('learning m1, quiz');
    const started = driver.act(quiz, 'es');
    expect(started.accepted).toBe(true);
    expect(driver.getState().view.modules[0]!.quiz.attempts).toBe(0);
    await started.outcome;
    expect(driver.getState().view.modules[0]!.quiz).toMatchObject({ attempts: 1, passed: true });
    expect(driver.getState().view.currentModuleKey).toBe('m1'); // m1 has a scenario next
  });

  it('refuses locally what the machine refuses, with the server’s code, and sends nothing', async () => {
    const { server, driver } = setUp('learning m1, reading (one read)');
    const started = driver.act(quiz, 'es');
    expect(started.accepted).toBe(false);
    await expect(started.outcome).resolves.toMatchObject({ status: 'refused', error: { code: 'LESSONS_NOT_READ', status: 409 } });
    expect(server.received).toEqual([]);
  });

  it('sends the steps one at a time in the order taken, so a quiz never overtakes the last lesson', async () => {
    const { server, driver } = setUp('learning m1, reading (one read)');
    const read = driver.act(lesson('law'), 'es');
    const attempt = driver.act(quiz, 'es'); // allowed at once: the optimistic read opened the quiz
    expect(attempt.accepted).toBe(true);
    await expect(attempt.outcome).resolves.toMatchObject({ status: 'sent' });
    await expect(read.outcome).resolves.toMatchObject({ status: 'sent' });
    expect(server.received.map((r) => r.kind)).toEqual(['lesson', 'quiz']);
    expect(driver.getState().view.modules[0]!.quiz.passed).toBe(true);
  });

  it('on 409 lets the server’s journey win and says what was not accepted', async () => {
    const { server, driver } = setUp('learning m1, reading (nothing read)');
    // Another device withdrew meanwhile; this page still shows the old journey.
    server.journey = applyJourneyEvent(server.journey, { type: 'consent.withdrawn', at: T0 + 50_000 }).snapshot as PersistedJourney;
    const started = driver.act(lesson('intro'), 'es');
    expect(lessonsRead(driver)).toEqual(['intro']);
    await expect(started.outcome).resolves.toMatchObject({ status: 'refused', error: { code: 'WITHDRAWN' } });
    await driver.settled();
    expect(journeyStage(driver.getState().snapshot.value)).toBe('withdrawn');
    expect(lessonsRead(driver)).toEqual([]);
    expect(driver.getState().correction).toEqual({ code: 'WITHDRAWN' });
    driver.dismissCorrection();
    expect(driver.getState().correction).toBeNull();
  });

  it('keeps steps that met no connection, in order, with their keys and their moves, until they can be sent', async () => {
    const { server, driver } = setUp('learning m1, reading (nothing read)');
    server.offline = true;
    const first = driver.act(lesson('intro'), 'es');
    await expect(first.outcome).resolves.toMatchObject({ status: 'unsent', error: { code: 'NETWORK_ERROR' } });
    const second = driver.act(lesson('law'), 'es');
    await expect(second.outcome).resolves.toMatchObject({ status: 'unsent' });
    expect(driver.getState()).toMatchObject({ pending: 2, unsent: 2 });
    expect(lessonsRead(driver)).toEqual(['intro', 'law']); // the learner's path still shows them

    // The same button pressed again is the same submission, not a second one.
    server.offline = false;
    server.loseNextAnswer = true; // the first one lands but its answer is lost: the retry must not record it twice
    const again = driver.act(lesson('intro'), 'es');
    await expect(again.outcome).resolves.toMatchObject({ status: 'sent' });
    await driver.settled();
    expect(driver.getState()).toMatchObject({ pending: 0, unsent: 0 });
    expect(server.received.map((r) => r.kind)).toEqual(['lesson', 'lesson', 'lesson']);
    const keys = server.received.map((r) => r.key);
    expect(keys[0]).toBe(keys[1]); // the lost answer was fetched again with the same key
    expect(keys[2]).not.toBe(keys[0]);
    expect(server.journey.context.modules[0]!.lessonsRead).toEqual(['intro', 'law']);
    expect(driver.getState().snapshot.context).toEqual(server.journey.context);
  });

  it('hands every step to the persistent store the moment it is taken, not only when its turn to be sent comes', async () => {
    const server = new Server(checkpoint('learning m1, reading (nothing read)'));
    const kept: string[] = [];
    const tried: string[] = [];
    const driver = new JourneyDriver(server.journey, {
      send: (submission, key) => {
        tried.push((submission as { lessonKey: string }).lessonKey);
        return server.send(submission, key);
      },
      keep: async (submission, key) => void kept.push(`${(submission as { lessonKey: string }).lessonKey}:${key}`),
      load: async () => server.journey,
      now: () => server.clock,
      retryDelayMs: 1,
    });
    server.offline = true;
    await driver.act(lesson('intro'), 'es').outcome;
    // "law" waits behind "intro" (never sent while intro has no answer), yet it is stored already.
    const behind = driver.act(lesson('law'), 'es');
    expect(kept.map((k) => k.split(':')[0])).toEqual(['intro', 'law']);
    await behind.outcome;
    expect(tried).not.toContain('law');
    // The same step pressed again is not stored twice.
    driver.act(lesson('law'), 'es');
    expect(kept).toHaveLength(2);
  });

  it('says whether the steps that met no connection wait on this page only or in the queue on the phone', async () => {
    const server = new Server(checkpoint('learning m1, reading (nothing read)'));
    let failure = new ApiError('NETWORK_ERROR', 'offline', 0);
    const driver = new JourneyDriver(server.journey, {
      send: async () => {
        throw failure;
      },
      load: async () => server.journey,
      now: () => server.clock,
      retryDelayMs: 1,
    });
    await driver.act(lesson('intro'), 'es').outcome;
    expect(driver.getState()).toMatchObject({ unsent: 1, unsentOnPhone: false }); // no storage: the page must stay open
    failure = new ApiError('SAVED_ON_PHONE', 'kept', 0);
    driver.retry();
    await driver.settled();
    expect(driver.getState()).toMatchObject({ unsent: 1, unsentOnPhone: true }); // the queue has it: the page may close
  });

  it('replays the steps still on their way on top of a journey loaded anew', async () => {
    const { server, driver } = setUp('learning m1, reading (nothing read)');
    server.offline = true;
    await driver.act(lesson('intro'), 'es').outcome;
    driver.rebase(server.journey); // e.g. the course page opened again: the server still has nothing read
    expect(lessonsRead(driver)).toEqual(['intro']);
    server.offline = false;
    driver.retry();
    await driver.settled();
    expect(server.journey.context.modules[0]!.lessonsRead).toEqual(['intro']);
  });
});
