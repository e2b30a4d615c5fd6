import { ScoringConfigError } from './scoring-config-error';
import { resolveEventWeights } from './resolve-event-weights';
import { DEFAULT_WINDOW_DAYS, eventWeighting, unconfiguredWeighting, weightOfEvent } from './event-weighting';

describe('resolveEventWeights', () => {
  it("applies a feature's weight to each of its events", () => {
    const weights = resolveEventWeights({
      features: [{ name: 'Reports', weight: 7, events: ['report_created', 'report_shared'] }],
      directWeights: {},
    });
    expect(weights).toEqual(
      new Map([
        ['report_created', 7],
        ['report_shared', 7],
      ]),
    );
  });

  it('lets a direct weight win over the feature weight', () => {
    const weights = resolveEventWeights({
      features: [{ name: 'Reports', weight: 7, events: ['report_created', 'report_shared'] }],
      directWeights: { report_shared: 2, login: 1 },
    });
    expect(weights.get('report_created')).toBe(7);
    expect(weights.get('report_shared')).toBe(2);
    expect(weights.get('login')).toBe(1);
  });

  it.each([0, 11, 2.5, -1, NaN])('rejects weight %p with every problem listed', (bad) => {
    const config = { features: [{ name: 'F', weight: bad, events: ['a'] }], directWeights: { b: bad } };
    expect(() => resolveEventWeights(config)).toThrow(ScoringConfigError);
    try {
      resolveEventWeights(config);
    } catch (error) {
      expect((error as ScoringConfigError).problems.map((problem) => problem.code)).toEqual(['invalid_weight', 'invalid_weight']);
    }
  });

  it('rejects an event in two features', () => {
    const config = {
      features: [
        { name: 'A', weight: 3, events: ['x'] },
        { name: 'B', weight: 4, events: ['x'] },
      ],
      directWeights: {},
    };
    expect(() => resolveEventWeights(config)).toThrow(/belongs to features "A" and "B"/);
  });
});

describe('weights when nothing is configured', () => {
  it('scores every event with weight 1 over 30 days', () => {
    expect(DEFAULT_WINDOW_DAYS).toBe(30);
    expect(weightOfEvent('anything', unconfiguredWeighting())).toBe(1);
    expect(weightOfEvent('anything', eventWeighting(resolveEventWeights({ features: [], directWeights: {} })))).toBe(1);
  });

  it('does not score unlisted events once something is configured', () => {
    const weighting = eventWeighting(new Map([['login', 3]]));
    expect(weightOfEvent('login', weighting)).toBe(3);
    expect(weightOfEvent('page_viewed', weighting)).toBe(0);
  });
});
