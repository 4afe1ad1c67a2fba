import { journeyCheckpoints } from '../test/journey-checkpoints.js';
import { applyAll, pathToCompletion, threeModuleOutline } from '../test/journey-fixtures.js';
import { isPersistedJourney, journeyMachine, restoreJourney, startJourney, toPersisted } from './index.js';

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

describe('toPersisted: what the server stores', () => {
  it('equals a JSON round trip of the machine snapshot at every stage, and shares no object with it', () => {
    const checkpoints = journeyCheckpoints(threeModuleOutline(), Date.UTC(2026, 0, 5));
    expect(checkpoints.length).toBeGreaterThan(10);
    for (const { name, snapshot } of checkpoints) {
      const live = restoreJourney(snapshot);
      const viaJson = JSON.parse(JSON.stringify(journeyMachine.getPersistedSnapshot(live)));
      // Same members in the same order (the stored text is the same), nothing undefined left in.
      expect({ name, stored: JSON.stringify(toPersisted(live)) }).toEqual({ name, stored: JSON.stringify(viaJson) });
      expect(toPersisted(live)).toStrictEqual(viaJson);
      expect(toPersisted(live).context).not.toBe(live.context);
      expect(toPersisted(live).context.modules[0]).not.toBe(live.context.modules[0]);
      // The outline is the caller's data, never changed in place: shared, not copied.
      expect(toPersisted(live).context.outline).toBe(live.context.outline);
    }
  });
});
