import { loadCourseFromDirectory } from '../../../../libs/curriculum/src/index.js';
import { firstJourney, sharedOutline } from './journey-outline';

const { course } = loadCourseFromDirectory();

describe('sharedOutline', () => {
  const shared = firstJourney(course!, 'version-1', 90).context.outline;

  it("answers the version's own outline for an equal copy (a journey read back from the database)", () => {
    const copy = JSON.parse(JSON.stringify(shared));
    expect(sharedOutline(course!, copy)).toBe(shared);
    expect(sharedOutline(course!, shared)).toBe(shared);
    expect(Object.isFrozen(shared)).toBe(true);
  });

  it('answers nothing for an outline that differs in anything', () => {
    const otherLimit = JSON.parse(JSON.stringify(shared));
    otherLimit.modules[0].quiz.maxAttempts += 1;
    expect(sharedOutline(course!, otherLimit)).toBeUndefined();
    // Another delay is another shared outline, not this one.
    const otherDelay = { ...JSON.parse(JSON.stringify(shared)), followUpDelayDays: 30 };
    expect(sharedOutline(course!, otherDelay)).toBe(firstJourney(course!, 'version-1', 30).context.outline);
  });
});
