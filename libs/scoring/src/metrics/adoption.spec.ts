import { eventWeighting, unconfiguredWeighting } from '../weights/event-weighting';
import { adoptionRate, adoptionUnitOf, adoptionUnits } from './adoption';

const features = [
  { name: 'Reports', events: ['report_created', 'report_shared'] },
  { name: 'Invites', events: ['invite_sent'] },
  { name: 'Empty', events: [] },
];

describe('adoptionUnits', () => {
  it("counts the workspace's features holding a scored event", () => {
    const weighting = eventWeighting(
      new Map([
        ['report_created', 3],
        ['report_shared', 3],
        ['login', 1],
      ]),
    );
    const units = adoptionUnits(weighting, features, []);
    expect(units.count).toBe(1);
    expect(adoptionUnitOf('report_shared', units, weighting)).toBe('Reports');
    expect(adoptionUnitOf('login', units, weighting)).toBeNull(); // scored, but in no feature
    expect(adoptionUnitOf('invite_sent', units, weighting)).toBeNull(); // not scored
  });

  it('falls back to the scored events without such a feature, and to every event without configuration', () => {
    const weighting = eventWeighting(
      new Map([
        ['login', 1],
        ['export', 2],
      ]),
    );
    const units = adoptionUnits(weighting, [], ['a']);
    expect(units).toEqual({ featureOfEvent: null, count: 2 });
    expect(adoptionUnitOf('export', units, weighting)).toBe('export');
    expect(adoptionUnitOf('other', units, weighting)).toBeNull();
    const everything = adoptionUnits(unconfiguredWeighting(), [], ['a', 'b', 'a', 'c']);
    expect(everything.count).toBe(3);
    expect(adoptionUnitOf('zzz', everything, unconfiguredWeighting())).toBe('zzz');
  });
});

describe('adoptionRate', () => {
  it('is the share of units used with two decimals, 0 without units', () => {
    expect(adoptionRate(1, 3)).toBe(0.33);
    expect(adoptionRate(2, 3)).toBe(0.67);
    expect(adoptionRate(3, 3)).toBe(1);
    expect(adoptionRate(0, 0)).toBe(0);
  });
});
