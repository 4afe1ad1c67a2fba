import { type RememberedEnrolment, RememberedEnrolments } from './remembered-enrolments';

const entry = (userId: string, rememberedAt: number): RememberedEnrolment => ({
  userId, status: 'active', courseVersionId: 'v1', followUpDays: 90, waitlistAt: null, journeyText: '{}', outline: null, rowVersion: '42', rememberedAt,
});

describe('RememberedEnrolments', () => {
  it('hands an entry out once, to its own user only', () => {
    const remembered = new RememberedEnrolments();
    remembered.remember('e1', entry('u1', 0));
    expect(remembered.take('e1', 'u2', 0)).toBeUndefined();
    // A wrong user's try spends the entry: the owner's next submission reads the row.
    expect(remembered.take('e1', 'u1', 0)).toBeUndefined();
    remembered.remember('e1', entry('u1', 0));
    expect(remembered.take('e1', 'u1', 0)?.rowVersion).toBe('42');
    expect(remembered.take('e1', 'u1', 0)).toBeUndefined();
  });

  it('forgets entries older than its age limit', () => {
    const remembered = new RememberedEnrolments(10, 1000);
    remembered.remember('e1', entry('u1', 5000));
    expect(remembered.take('e1', 'u1', 6001)).toBeUndefined();
    remembered.remember('e1', entry('u1', 5000));
    expect(remembered.take('e1', 'u1', 6000)).toBeDefined();
  });

  it('keeps at most its bound, dropping the entry unused longest', () => {
    const remembered = new RememberedEnrolments(3);
    for (const id of ['e1', 'e2', 'e3']) remembered.remember(id, entry('u', 0));
    remembered.remember('e1', entry('u', 0)); // written again: now the newest
    remembered.remember('e4', entry('u', 0));
    expect(remembered.size).toBe(3);
    expect(remembered.take('e2', 'u', 0)).toBeUndefined();
    expect(remembered.take('e1', 'u', 0)).toBeDefined();
    expect(remembered.take('e3', 'u', 0)).toBeDefined();
    expect(remembered.take('e4', 'u', 0)).toBeDefined();
  });
});
