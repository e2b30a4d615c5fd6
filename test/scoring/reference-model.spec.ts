import { adoptionUnits, eventWeighting, parseUtcDay, scoredEventCount, timeFrame, unconfiguredWeighting } from '@coil/scoring';
import {
  accountMetrics,
  accountTotalsFromRows,
  engagementMetrics,
  normalizeScores,
  rawScore,
  stepDoneDays,
  userTotalsFromRows,
  type DailyCountRow,
} from './support/reference-model';

// The scoring model's worked examples (README, "How scoring works"), on the reference model the SQL pass is compared with.

const now = new Date('2025-09-21T15:00:00Z');
const row = (userId: string, event: string, day: string, count: number): DailyCountRow => ({
  userId,
  event,
  day: parseUtcDay(day),
  count,
});

const rows: DailyCountRow[] = [
  row('u1', 'report_created', '2025-09-21', 3), // today: in the 7-day frame
  row('u2', 'report_created', '2025-09-15', 2), // first day of the frame
  row('u2', 'login', '2025-09-14', 5), // just before the frame, within 30 days
  row('u3', 'page_viewed', '2025-08-01', 4), // unscored, within 90 days
  row('u4', 'login', '2025-01-10', 1), // older than 90 days
];
const weighting = eventWeighting(
  new Map([
    ['report_created', 5],
    ['login', 1],
    ['invite_sent', 8],
  ]),
);
const adoption = adoptionUnits(weighting, [], []);
const input = { accountId: 7n, rows, memberUserIds: ['u1', 'u2', 'u3', 'u4', 'u5'], weighting, frame: timeFrame(now, 7), now, adoption };

describe('rawScore', () => {
  const weights = new Map([
    ['a', 9],
    ['b', 7],
    ['c', 5],
    ['d', 3],
    ['e', 1],
  ]);

  it("gives the anchor's worked example: 187", () => {
    expect(rawScore({ a: 3, b: 5, c: 10, d: 20, e: 15 }, weights)).toBe(187);
    expect(
      rawScore(
        new Map([
          ['a', 3],
          ['b', 5],
          ['c', 10],
          ['d', 20],
          ['e', 15],
        ]),
        weights,
      ),
    ).toBe(187);
  });

  it('ignores unweighted events unless a default weight is given', () => {
    expect(rawScore({ a: 1, other: 10 }, weights)).toBe(9);
    expect(rawScore({ a: 1, other: 10 }, weights, 1)).toBe(19);
    expect(rawScore({ x: 4, y: 6 }, new Map(), 1)).toBe(10);
  });
});

describe('normalizeScores', () => {
  it('computes the benchmark once and keeps the input shape', () => {
    const raws = [475, 89, 101, 7, 3, 21, 2, 149, 223, 1, 13, 9, 37, 0];
    const fromArray = normalizeScores(raws);
    expect(fromArray.benchmark).toBeCloseTo(208.2, 10);
    expect(fromArray.scores.slice(0, 3)).toEqual([99.5, 63.0, 67.6]);
    expect(fromArray.scores[13]).toBe(1);
    const fromMap = normalizeScores(
      new Map([
        ['u1', 89],
        ['u2', 0],
      ]),
      'winsorized',
    );
    expect(fromMap.scores).toEqual(
      new Map([
        ['u1', 100],
        ['u2', 1],
      ]),
    );
  });

  it('scores a lone active account against its own raw, and everyone 1 when all are zero', () => {
    expect(normalizeScores([0, 40]).scores).toEqual([1, 90.1]);
    expect(normalizeScores([0, 0])).toEqual({ benchmark: 0, scores: [1, 1] });
  });
});

describe('accountTotalsFromRows', () => {
  it('computes every total of one account', () => {
    expect(accountTotalsFromRows(input)).toEqual({
      accountId: 7n,
      rawScore: 25,
      activeUsers: 2,
      totalPeopleCount: 5,
      totalActivePeopleCount: 3,
      scoredEventsPerformed: 2,
      overallScoredEvents: 11,
      recentlyScoredEvents: 10,
      scoringProfileEvents: 5,
      firstSeen: parseUtcDay('2025-01-10'),
      lastSeen: parseUtcDay('2025-09-21'),
      frequency: 2,
      adoptionUnitsUsed: 1,
      lifetimeAdoptionUnitsUsed: 2,
      lastActive: parseUtcDay('2025-09-21'),
    });
  });

  it('scores every event with weight 1 when nothing is configured', () => {
    const totals = accountTotalsFromRows({ ...input, weighting: unconfiguredWeighting() });
    expect(totals.rawScore).toBe(5);
    expect(totals.overallScoredEvents).toBe(15);
  });
});

describe('accountMetrics', () => {
  it('serves the metrics block against the workspace benchmark', () => {
    const metrics = accountMetrics({ ...input, benchmark: 25, scoredEventCount: scoredEventCount(weighting, []), previousScore: 95 });
    expect(metrics).toEqual({
      engagement_score: 90.1,
      engagement_score_change: -4.9,
      raw_score: 25,
      first_seen: '2025-01-10',
      last_seen: '2025-09-21',
      active_users: 2,
      activation_rate: 0.67,
      overall_scored_events: 11,
      recently_scored_events: 10,
      scoring_profile_events: 5,
      total_people_count: 5,
      total_active_people_count: 3,
    });
  });

  it('has no seen days and a score of 1 for an account without events', () => {
    const metrics = accountMetrics({ ...input, rows: [], scoredEventCount: 3 });
    expect(metrics).toMatchObject({ engagement_score: 1, first_seen: null, last_seen: null, activation_rate: 0 });
  });
});

describe('userTotalsFromRows', () => {
  it("counts a user's scored days, units and last active day", () => {
    const totals = userTotalsFromRows({
      userId: 'u2',
      rows: rows.filter((r) => r.userId === 'u2'),
      weighting,
      frame: timeFrame(now, 30),
      adoption,
    });
    expect(totals).toEqual({
      userId: 'u2',
      rawScore: 15,
      scoringProfileEvents: 7,
      firstSeen: parseUtcDay('2025-09-14'),
      lastSeen: parseUtcDay('2025-09-15'),
      frequency: 2,
      adoptionUnitsUsed: 2,
      lifetimeAdoptionUnitsUsed: 2,
      lastActive: parseUtcDay('2025-09-15'),
    });
    expect(engagementMetrics(totals, 3, null)).toEqual({
      frequency: 2,
      adoption_rate: 0.67,
      lifetime_adoption_rate: 0.67,
      last_active: '2025-09-15',
      activation: null,
    });
  });
});

describe('stepDoneDays', () => {
  it('gives the day the running count of each step first reached its minimum', () => {
    const checklist = {
      steps: [
        { kind: 'event' as const, name: 'report_created', minCount: 4 },
        { kind: 'feature' as const, name: 'Access', minCount: 6 },
        { kind: 'event' as const, name: 'invite_sent', minCount: 1 },
      ],
      requiredUsers: null,
    };
    const done = stepDoneDays(checklist, [{ name: 'Access', events: ['login', 'page_viewed'] }], rows);
    expect(done).toEqual([parseUtcDay('2025-09-21'), parseUtcDay('2025-09-14'), null]);
  });
});
