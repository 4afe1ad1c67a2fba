import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Language } from '../i18n';
import type { Submission } from '../journey/journey-submit';
import { DB_NAME } from './offline-names';

/** One submission as the page made it, kept on the phone until the server has answered it. */
export interface OutboxEntry {
  /** The idempotency key: the same on every try, so the server records the action once. */
  key: string;
  /** The user it belongs to: another user's entries are never sent, shown, or kept after they sign in. */
  owner: string;
  enrolmentId: string;
  /** What it answers, e.g. "pre-knowledge", "quiz-m1", "lesson-l2": pages find their own entry by it. */
  target: string;
  /** What the learner knows it as ("Evaluación inicial: Conocimientos"), for telling them if the server refuses it. */
  label?: string;
  /** The learner's action as plain data (lib/journey/journey-submit.ts): only their own answers, never an answer key. */
  submission: Submission;
  /** The language the server grades and answers in. */
  lang: Language;
  createdAt: number;
  tries: number;
  /** Not sent again before this time (backoff with jitter after a failed try). */
  nextAt: number;
  state: 'waiting' | 'rejected';
  /** Why the server refused it (state "rejected"), until the learner has read it. */
  error?: { code: string; status: number };
}

/** The server's answer to a queued submission, kept until the page that asked has shown it (or a day). */
export interface Receipt {
  key: string;
  owner: string;
  enrolmentId: string;
  target: string;
  sentAt: number;
  result: unknown;
}

/** Answers being typed, per question; `pending` lists the questions the server does not have yet. */
export interface LocalDraft {
  owner: string;
  enrolmentId: string;
  target: string;
  answers: Record<string, unknown>;
  pending: string[];
  updatedAt: number;
}

interface OfflineSchema extends DBSchema {
  outbox: { key: string; value: OutboxEntry; indexes: { byCreated: number } };
  receipts: { key: string; value: Receipt };
  drafts: { key: [string, string, string]; value: LocalDraft };
}

let opened: Promise<IDBPDatabase<OfflineSchema>> | null = null;

export function offlineDb(): Promise<IDBPDatabase<OfflineSchema>> {
  opened ??= openDB<OfflineSchema>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'key' }).createIndex('byCreated', 'createdAt');
      db.createObjectStore('receipts', { keyPath: 'key' });
      db.createObjectStore('drafts', { keyPath: ['owner', 'enrolmentId', 'target'] });
    },
    // Signing out deletes the database: let it go, and open it afresh next time.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      opened = null;
    },
    terminated() {
      opened = null;
    },
  });
  return opened;
}

/** Forget the open connection (after the database was deleted, and between unit tests). */
export async function closeOfflineDb(): Promise<void> {
  const db = await opened?.catch(() => null);
  db?.close();
  opened = null;
}
