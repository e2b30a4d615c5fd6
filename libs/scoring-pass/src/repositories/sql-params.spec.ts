import { adoptionUnits, eventWeighting, unconfiguredWeighting } from '@coil/scoring';
import { eventParams } from './sql-params';

describe('eventParams', () => {
  it('lists weighted events and unit events once, with their weight and the position of their unit', () => {
    const weighting = eventWeighting(
      new Map([
        ['report_created', 5],
        ['report_shared', 5],
        ['login', 1],
      ]),
    );
    const adoption = adoptionUnits(weighting, [{ name: 'Reports', events: ['report_created', 'report_shared'] }], []);
    expect(eventParams(weighting, adoption)).toEqual({
      events: ['report_created', 'report_shared', 'login'],
      weights: [5, 5, 1],
      unlistedWeight: 0,
      unitIndexes: [0, 0, null],
      unitCount: 1,
    });
  });

  it('adds the workspace events as units, unweighted (the unlisted weight), when nothing is configured', () => {
    const weighting = unconfiguredWeighting();
    expect(eventParams(weighting, adoptionUnits(weighting, [], ['b', 'a']))).toEqual({
      events: ['b', 'a'],
      weights: [null, null],
      unlistedWeight: 1,
      unitIndexes: [1, 0],
      unitCount: 2,
    });
  });
});
