// The browser's journey actor and the learner's actions on their way to the server.
//
// Each action is first asked of the machine (libs/journey): refused → nothing is sent and the learner is told why;
// accepted → the event goes to the actor at once (optimistic), unless the server must grade it first (quiz,
// scenario), and the action joins an ordered outbox. The outbox sends one action at a time, in order (a quiz must
// not overtake the last lesson read before it), each with its own idempotency key. The server's answer is the
// authority: its snapshot replaces the actor's (the actions still waiting are replayed on top of it); on 409 the
// journey is fetched again and the learner is told what was not accepted. An action that could not be delivered
// keeps its key and its place, so sending it again can never record it twice.
//
// For a persistent queue: wrap `send` (what goes over the network) and give `act` the stored key on replay.
import { createActor, type Actor } from 'xstate';
import {
  describeJourney,
  journeyMachine,
  rejectionMessage,
  stepEvent,
  whyNot,
  type JourneyEvent,
  type JourneyView,
  type LiveJourneySnapshot,
  type PersistedJourney,
} from '#journey';
import { ApiError } from '../api/api-client';
import { isRetryable, newIdempotencyKey, sendWithRetry } from '../api/idempotency';
import type { Language } from '../i18n';
import { persistedOf } from './journey-types';
import { stepOf, type ResultOf, type Submission } from './journey-submit';

export type ActOutcome<T> =
  | { status: 'sent'; result: T }
  /** Refused by the machine (here or on the server) or by the server's checks: nothing was recorded. */
  | { status: 'refused'; error: ApiError }
  /** Not delivered (no connection): kept in order with its key, sent again by the next action or `retry()`. */
  | { status: 'unsent'; error: ApiError };

export interface Started<T> {
  /** False when the browser's machine refused the step: nothing was sent. */
  accepted: boolean;
  /** The path right after the optimistic move (unchanged for graded steps, which wait for the server). */
  view: JourneyView;
  outcome: Promise<ActOutcome<T>>;
}

export interface DriverState {
  /** The actor's snapshot: the server's last word plus the learner's steps still on their way. */
  snapshot: LiveJourneySnapshot;
  view: JourneyView;
  /** Actions taken here that the server has not confirmed yet. */
  pending: number;
  /** Of those, how many could not be delivered (no connection). */
  unsent: number;
  /** They wait in the answer queue on this phone (SAVED_ON_PHONE): they survive a closed page and are sent by it. */
  unsentOnPhone: boolean;
  /** The server refused an action the browser had accepted: its journey replaced ours. */
  correction: { code: string } | null;
}

export interface DriverDeps {
  send<S extends Submission>(submission: S, key: string, lang: Language): Promise<ResultOf<S>>;
  /**
   * Stores an action the moment it is taken, before its turn to be sent comes (a persistent queue: the actions
   * behind one that met no connection must survive a closed browser as well). Optional: without it, only `send` stores.
   */
  keep?(submission: Submission, key: string, lang: Language): Promise<void>;
  /** The journey as the server holds it now. */
  load(): Promise<PersistedJourney>;
  now?(): number;
  /** Delay before each automatic resend of an action that met no connection (tests shorten it). */
  retryDelayMs?: number;
}

interface Entry {
  submission: Submission;
  fingerprint: string;
  key: string;
  lang: Language;
  /** Sent to the actor at once; null for graded steps (the server's verdict moves the actor). */
  event: JourneyEvent | null;
  state: 'queued' | 'sending' | 'unsent';
  waiters: ((outcome: ActOutcome<unknown>) => void)[];
}

const toApiError = (error: unknown): ApiError => (error instanceof ApiError ? error : new ApiError('INTERNAL_ERROR', String(error), 0));

export class JourneyDriver {
  private confirmed: PersistedJourney;
  private entries: Entry[] = [];
  private actor: Actor<typeof journeyMachine>;
  private state!: DriverState;
  private correction: DriverState['correction'] = null;
  private unsentOnPhone = false;
  private readonly listeners = new Set<() => void>();
  private flushing: Promise<void> | null = null;

  constructor(
    confirmed: PersistedJourney,
    private readonly deps: DriverDeps,
  ) {
    this.confirmed = confirmed;
    this.actor = this.startActor();
    this.publish();
  }

  getState = (): DriverState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * The learner takes a step. The same action pressed again while it is still on its way (same data) is the same
   * submission: same key, no second entry.
   */
  act<S extends Submission>(submission: S, lang: Language, options: { key?: string } = {}): Started<ResultOf<S>> {
    const fingerprint = JSON.stringify(submission);
    const existing = this.entries.find((entry) => entry.fingerprint === fingerprint);
    if (existing) {
      const outcome = this.wait<ResultOf<S>>(existing);
      this.retry();
      return { accepted: true, view: this.state.view, outcome };
    }
    const probe = stepEvent(this.confirmed.context, stepOf(submission), this.now())!;
    const reason = whyNot(this.actor.getSnapshot(), probe.event);
    if (reason) {
      // Our copy may be stale (another device moved on): fetch the server's while telling the learner why not.
      void this.refresh();
      return { accepted: false, view: this.state.view, outcome: Promise.resolve({ status: 'refused', error: new ApiError(reason, rejectionMessage(reason), 409) }) };
    }
    const entry: Entry = {
      submission, fingerprint, lang, key: options.key ?? newIdempotencyKey(), event: probe.graded ? null : probe.event, state: 'queued', waiters: [],
    };
    this.entries.push(entry);
    void this.deps.keep?.(submission, entry.key, lang);
    if (entry.event) this.actor.send(entry.event);
    const outcome = this.wait<ResultOf<S>>(entry);
    this.correction = null;
    // A new step is also the learner trying again: whatever waited for a connection goes first, in order.
    this.retry();
    return { accepted: true, view: this.state.view, outcome };
  }

  /** Sends again, in order and with their keys, the actions that met no connection. */
  retry(): void {
    for (const entry of this.entries) if (entry.state === 'unsent') entry.state = 'queued';
    this.publish();
    void this.flush();
  }

  /** Resolves once nothing is being sent or waiting to be sent (actions that met no connection are left waiting). */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** The server's journey as loaded anew (page load, another tab): it becomes the base; our pending steps replay on it. */
  rebase(server: PersistedJourney): void {
    this.confirmed = server;
    this.restart();
  }

  dismissCorrection(): void {
    this.correction = null;
    this.publish();
  }

  stop(): void {
    this.actor.stop();
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  private wait<T>(entry: Entry): Promise<ActOutcome<T>> {
    return new Promise((resolve) => entry.waiters.push(resolve as (outcome: ActOutcome<unknown>) => void));
  }

  private settle(entry: Entry, outcome: ActOutcome<unknown>): void {
    const waiters = entry.waiters.splice(0);
    for (const resolve of waiters) resolve(outcome);
  }

  private flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = null;
      // Queued again while the last round was ending (a retry right after a failure): start another round.
      if (this.entries[0]?.state === 'queued') void this.flush();
    });
    return this.flushing;
  }

  private async drain(): Promise<void> {
    for (let head = this.entries[0]; head && head.state === 'queued'; head = this.entries[0]) {
      head.state = 'sending';
      try {
        const result = await sendWithRetry(head.key, (key) => this.deps.send(head.submission, key, head.lang), 2, this.deps.retryDelayMs ?? 800);
        const server = persistedOf(result.journey);
        this.entries.shift();
        this.confirmed = server;
        this.restart();
        this.settle(head, { status: 'sent', result });
      } catch (caught) {
        const error = toApiError(caught);
        if (isRetryable(error)) {
          this.unsentOnPhone = error.code === 'SAVED_ON_PHONE';
          // Nothing after it may overtake it: everything waits, keeps its key, and keeps its optimistic move.
          for (const entry of this.entries) {
            entry.state = 'unsent';
            this.settle(entry, { status: 'unsent', error });
          }
          this.publish();
          return;
        }
        // The server answered and recorded nothing: drop the action and undo its optimistic move.
        this.entries.shift();
        this.settle(head, { status: 'refused', error });
        if (error.status === 409) {
          // The server's journey wins; say what was not accepted.
          this.correction = { code: error.code };
          await this.refresh();
        } else {
          this.restart();
        }
      }
    }
  }

  private async refresh(): Promise<void> {
    try {
      this.rebase(await this.deps.load());
    } catch {
      this.restart(); // no answer: keep the server's last word we have
    }
  }

  /** A fresh actor from the server's journey, sent every step still on its way that the machine still accepts. */
  private startActor(): Actor<typeof journeyMachine> {
    const actor = createActor(journeyMachine, { snapshot: this.confirmed, input: this.confirmed.context.outline }).start();
    for (const entry of this.entries) {
      if (entry.event && whyNot(actor.getSnapshot(), entry.event) === null) actor.send(entry.event);
    }
    return actor;
  }

  private restart(): void {
    this.actor.stop();
    this.actor = this.startActor();
    this.publish();
  }

  private publish(): void {
    const snapshot = this.actor.getSnapshot();
    this.state = {
      snapshot,
      view: describeJourney(snapshot),
      pending: this.entries.length,
      unsent: this.entries.filter((entry) => entry.state === 'unsent').length,
      unsentOnPhone: this.unsentOnPhone,
      correction: this.correction,
    };
    for (const listener of this.listeners) listener();
  }
}
