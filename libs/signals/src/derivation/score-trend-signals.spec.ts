import { signalId } from '../signal-id';
import { scoreTrendSignals, type ScoreChange } from './score-trend-signals';
import { trendBy } from './trend';

const at = new Date('2026-11-05T09:30:00.000Z');
const account = { type: 'account', id: '7' } as const;

function run(scores: ScoreChange[], threshold = 10) {
  return scoreTrendSignals({ workspaceId: '1', profile: 'default', threshold, at, scores });
}

describe('trendBy', () => {
  it.each([
    [null, 'steady'],
    [10, 'hot'],
    [9.9, 'steady'],
    [-10, 'cold'],
    [-9.9, 'steady'],
  ] as const)('change %p is %s', (change, trend) => {
    expect(trendBy(change, 10)).toBe(trend);
  });
});

describe('scoreTrendSignals', () => {
  it('signals a subject whose trend left steady, with before, after, change and trend', () => {
    const [signal] = run([{ subject: account, score: 62.5, change: 12.3, previousChange: 2 }]);
    expect(signal).toEqual({
      id: signalId('1', 'score_changed', account, '2026-11-05'),
      workspace_id: '1',
      kind: 'score_changed',
      subject: account,
      occurred_at: '2026-11-05T09:30:00.000Z',
      data: { profile: 'default', before: 50.2, after: 62.5, change: 12.3, trend: 'hot' },
    });
  });

  it('signals the way back to steady, and from hot straight to cold', () => {
    const signals = run([
      { subject: account, score: 40, change: 1, previousChange: 15 },
      { subject: { type: 'user', id: '9' }, score: 20, change: -30, previousChange: 15 },
    ]);
    expect(signals.map((signal) => signal.data)).toEqual([
      { profile: 'default', before: 39, after: 40, change: 1, trend: 'steady' },
      { profile: 'default', before: 50, after: 20, change: -30, trend: 'cold' },
    ]);
  });

  it('is silent while the trend persists, and for a new subject without a change', () => {
    expect(
      run([
        { subject: account, score: 80, change: 20, previousChange: 11 },
        { subject: { type: 'account', id: '8' }, score: 50, change: 0, previousChange: null },
        { subject: { type: 'account', id: '9' }, score: 50, change: null, previousChange: undefined },
      ]),
    ).toEqual([]);
  });

  it('judges both trends by the workspace threshold', () => {
    expect(run([{ subject: account, score: 60, change: 12, previousChange: 0 }], 15)).toEqual([]);
    expect(run([{ subject: account, score: 60, change: 5, previousChange: 0 }], 5)).toHaveLength(1);
  });

  it('gives a subject one id per UTC day', () => {
    const first = run([{ subject: account, score: 60, change: 12, previousChange: 0 }]);
    const later = scoreTrendSignals({
      workspaceId: '1',
      profile: 'default',
      threshold: 10,
      at: new Date('2026-11-05T23:59:00.000Z'),
      scores: [{ subject: account, score: 20, change: -30, previousChange: 12 }],
    });
    expect(later[0].id).toBe(first[0].id);
  });
});
