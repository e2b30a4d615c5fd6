import { eventWeighting, unconfiguredWeighting } from '../weights/event-weighting';
import { adoptionRate, adoptionUnits } from './adoption';

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
    // login is scored but in no feature; invite_sent is in a feature but not scored.
    expect(adoptionUnits(weighting, features, [])).toEqual({
      unitOfEvent: new Map([
        ['report_created', 'Reports'],
        ['report_shared', 'Reports'],
      ]),
      count: 1,
    });
  });

  it('falls back to the scored events without such a feature, and to every event without configuration', () => {
    const weighting = eventWeighting(
      new Map([
        ['login', 1],
        ['export', 2],
      ]),
    );
    expect(adoptionUnits(weighting, [], ['a'])).toEqual({
      unitOfEvent: new Map([
        ['login', 'login'],
        ['export', 'export'],
      ]),
      count: 2,
    });
    const everything = adoptionUnits(unconfiguredWeighting(), [], ['a', 'b', 'a', 'c']);
    expect([...everything.unitOfEvent.keys()]).toEqual(['a', 'b', 'c']);
    expect(everything.count).toBe(3);
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
