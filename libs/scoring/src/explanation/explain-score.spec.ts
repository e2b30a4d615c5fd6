import { parseTraitFilter } from '../rules/trait-filter';
import { engagementScore } from '../normalization/engagement-score';
import { timeFrame } from '../time/time-frame';
import { apportionShares } from './apportion-shares';
import { explainScore, type EventTally, type ExplanationInput } from './explain-score';
import { scopeTallies, type MemberTally } from './explanation-scope';

const now = new Date('2025-09-21T12:00:00Z');
// The anchor's worked example split by event: counts 3, 5, 10, 20, 15 at weights 9, 7, 5, 3, 1 give 187.
const ANCHOR: EventTally[] = [
  { event: 'report_created', feature: 'Reports', weight: 9, count: 3, baselineCount: 5 },
  { event: 'invite_sent', feature: null, weight: 7, count: 5, baselineCount: 5 },
  { event: 'dashboard_viewed', feature: 'Dashboards', weight: 5, count: 10, baselineCount: 2 },
  { event: 'comment_added', feature: null, weight: 3, count: 20, baselineCount: 30 },
  { event: 'page_viewed', feature: null, weight: 1, count: 15, baselineCount: 15 },
];
const input: ExplanationInput = {
  profile: 'default',
  frame: timeFrame(now, 7),
  method: 'exponential',
  p90: 208.2,
  inBenchmark: 13,
  tallies: ANCHOR,
  current: { period: new Date('2025-09-21T00:00:00Z'), engagementScore: 87.5 },
  baseline: { period: new Date('2025-09-14T00:00:00Z'), engagementScore: 90.2 },
  filter: null,
};

describe('explainScore', () => {
  const explanation = explainScore(input);

  it("splits the anchor's 187 into its events, largest first, points adding up exactly", () => {
    expect(explanation.raw_score).toBe(187);
    expect(explanation.contributions.map((c) => [c.feature, c.event, c.count, c.weight, c.points])).toEqual([
      [null, 'comment_added', 20, 3, 60],
      ['Dashboards', 'dashboard_viewed', 10, 5, 50],
      [null, 'invite_sent', 5, 7, 35],
      ['Reports', 'report_created', 3, 9, 27],
      [null, 'page_viewed', 15, 1, 15],
    ]);
    expect(explanation.contributions.reduce((sum, c) => sum + c.points, 0)).toBe(explanation.raw_score);
    expect(explanation.contributions.map((c) => c.share)).toEqual([0.3208, 0.2674, 0.1872, 0.1444, 0.0802]);
    expect(Math.abs(explanation.contributions.reduce((sum, c) => sum + c.share, 0) - 1)).toBeLessThan(1e-9);
  });

  it('recomputes engagement_score from raw_score and p90 with the formula it serves', () => {
    expect(explanation.engagement_score).toBe(engagementScore(187, 208.2));
    expect(explanation.engagement_score).toBe(87.5);
    expect(explanation.benchmark).toEqual({
      p90: 208.2,
      accounts_in_benchmark: 13,
      formula: expect.stringContaining('1 + 99 * (1 - exp(-ln(10) * raw_score / p90))'),
    });
    expect(explanation.time_frame).toEqual({ start: '2025-09-15', end: '2025-09-21', days: 7 });
    expect(explainScore({ ...input, method: 'winsorized' }).engagement_score).toBe(89.8);
  });

  it('names the drivers of the change since one time frame earlier, largest move first', () => {
    expect(explanation.change).toEqual({
      from: 90.2,
      to: 87.5,
      delta: -2.7,
      since: '2025-09-14',
      drivers: [
        { feature: 'Dashboards', event: 'dashboard_viewed', delta_points: 40 },
        { feature: null, event: 'comment_added', delta_points: -30 },
        { feature: 'Reports', event: 'report_created', delta_points: -18 },
      ],
    });
    const baselineRaw = ANCHOR.reduce((sum, tally) => sum + tally.baselineCount * tally.weight, 0);
    const moved = explanation.change?.drivers.reduce((sum, driver) => sum + driver.delta_points, 0);
    expect(moved).toBe(explanation.raw_score - baselineRaw);
  });

  it('has no change without a stored score one time frame earlier, and nothing to share without points', () => {
    expect(explainScore({ ...input, baseline: null }).change).toBeNull();
    const empty = explainScore({ ...input, tallies: [] });
    expect(empty).toMatchObject({ raw_score: 0, engagement_score: 1, contributions: [] });
  });
});

describe('apportionShares', () => {
  it('rounds to four places and still adds up to 1', () => {
    const shares = apportionShares([1, 1, 1]);
    expect(shares).toEqual([0.3334, 0.3333, 0.3333]);
    for (const parts of [
      [1, 2, 3, 4, 5, 6, 7],
      [999_999, 1],
      [13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53],
    ]) {
      expect(Math.abs(apportionShares(parts).reduce((sum, share) => sum + share, 0) - 1)).toBeLessThan(1e-9);
    }
    expect(apportionShares([0, 0])).toEqual([0, 0]);
  });
});

describe('scopeTallies', () => {
  const context = { traitTypes: new Map(), now };
  const filter = parseTraitFilter('role = admin');
  const tallies: MemberTally[] = [
    { member: '1', event: 'report_created', feature: null, weight: 2, count: 3, baselineCount: 1 },
    { member: '2', event: 'report_created', feature: null, weight: 2, count: 10, baselineCount: 0 },
  ];
  const account = {
    type: 'account' as const,
    traits: { plan: 'paid' },
    members: [
      { id: '1', traits: { role: 'admin' } },
      { id: '2', traits: { role: 'viewer' } },
    ],
  };

  it("counts an account's events of the users the filter lets in", () => {
    expect(scopeTallies(filter, account, tallies, context)).toEqual({
      tallies: [{ event: 'report_created', feature: null, weight: 2, count: 3, baselineCount: 1 }],
      filter: { rule: 'role = admin', in_scope: true, excluded_members: 1 },
    });
    expect(scopeTallies(null, account, tallies, context).tallies[0].count).toBe(13);
  });

  it('explains an account the filter leaves out: nothing counts and it has no score', () => {
    const scoped = scopeTallies(parseTraitFilter('plan = trial'), account, tallies, context);
    expect(scoped.filter).toEqual({ rule: 'plan = trial', in_scope: false, excluded_members: 2 });
    const explanation = explainScore({ ...input, tallies: scoped.tallies, filter: scoped.filter });
    expect(explanation).toMatchObject({ raw_score: 0, engagement_score: null, contributions: [], change: null });
    expect(explanation.filters_applied).toEqual([{ rule: 'plan = trial', in_scope: false, excluded_members: 2 }]);
  });

  it("keeps all of a user's events when the user matches with one of its accounts", () => {
    const user = { type: 'user' as const, traits: { role: 'viewer' }, members: [{ id: '9', traits: { plan: 'paid' } }] };
    const own = tallies.map((tally) => ({ ...tally, member: null }));
    expect(scopeTallies(parseTraitFilter('plan = paid'), user, own, context)).toEqual({
      tallies: [{ event: 'report_created', feature: null, weight: 2, count: 13, baselineCount: 1 }],
      filter: { rule: 'plan = paid', in_scope: true, excluded_members: 0 },
    });
    expect(scopeTallies(filter, user, own, context).filter?.in_scope).toBe(false);
  });
});
