import type { JourneyOutline } from '#journey';

/**
 * The enrolment rows this process wrote last, as it wrote them: where a learner's next submission may start instead
 * of reading the row again (one round trip less; on these machines a round trip's socket writes cost more than the
 * statement). Only a hint: the submission's write holds only if the row, the learner's session and the cohort's
 * settings are still what the hint says (JourneySubmissions.submitUnlocked), so an entry made stale by another
 * replica, a trainer or a logout costs one refused write, never a wrong one.
 *
 * The journey is kept as JSON text (one byte per character; a parsed copy would take several times that), without
 * its course outline when that is the version's own, shared by every entry (sharedOutline): ~2 KB per learner.
 * Bounded in number and age; an entry is taken out when used and put back by the next write.
 */
export interface RememberedEnrolment {
  userId: string;
  status: 'active' | 'withdrawn';
  courseVersionId: string;
  followUpDays: number;
  waitlistAt: Date | null;
  /** The journey as JSON, without `context.outline` when `outline` is given. */
  journeyText: string;
  /** The version's shared outline (frozen), which the journey's was equal to; null when it is in the text. */
  outline: JourneyOutline | null;
  /** The row's xmin after the write. */
  rowVersion: string;
  rememberedAt: number;
}

export class RememberedEnrolments {
  private readonly entries = new Map<string, RememberedEnrolment>();

  constructor(
    private readonly maxEntries = 4000,
    private readonly maxAgeMs = 10 * 60_000,
  ) {}

  /** The entry for the learner's enrolment, taken out; undefined when there is none, it is another user's or too old. */
  take(enrolmentId: string, userId: string, now: number): RememberedEnrolment | undefined {
    const entry = this.entries.get(enrolmentId);
    if (!entry) return undefined;
    this.entries.delete(enrolmentId);
    return entry.userId === userId && now - entry.rememberedAt <= this.maxAgeMs ? entry : undefined;
  }

  remember(enrolmentId: string, entry: RememberedEnrolment): void {
    this.entries.delete(enrolmentId);
    // Insertion order is use order (take deletes): the first entry is the one unused longest.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(enrolmentId, entry);
  }

  get size(): number {
    return this.entries.size;
  }
}
