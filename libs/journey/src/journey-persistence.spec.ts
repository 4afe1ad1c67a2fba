import { applyAll, pathToCompletion, threeModuleOutline } from '../test/journey-fixtures.js';
import { isPersistedJourney, startJourney } from './index.js';

describe('isPersistedJourney: a snapshot received as JSON', () => {
  const outline = threeModuleOutline();

  it('accepts what the machine stores, fresh or finished, after a JSON round trip', () => {
    expect(isPersistedJourney(JSON.parse(JSON.stringify(startJourney(outline))))).toBe(true);
    expect(isPersistedJourney(JSON.parse(JSON.stringify(applyAll(startJourney(outline), pathToCompletion(outline)))))).toBe(true);
  });

  it('refuses another machine version, a missing context or state, and values that are not snapshots', () => {
    const stored = JSON.parse(JSON.stringify(startJourney(outline)));
    expect(isPersistedJourney({ ...stored, context: { ...stored.context, machineVersion: 2 } })).toBe(false);
    expect(isPersistedJourney({ ...stored, context: null })).toBe(false);
    expect(isPersistedJourney({ ...stored, value: null })).toBe(false);
    expect(isPersistedJourney({ ...stored, status: 'error' })).toBe(false);
    for (const value of [null, undefined, 'consent', 1, []]) expect(isPersistedJourney(value)).toBe(false);
  });
});
