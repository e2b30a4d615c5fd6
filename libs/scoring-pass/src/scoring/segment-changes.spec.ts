import { SUGGESTED_SEGMENTS, type AccountScoreRow, type SegmentContext, type TraitDataType, type Traits } from '@coil/scoring';
import type { SegmentRecord } from '@coil/settings';
import type { SegmentMember } from '../repositories/segment-membership.repository';
import { segmentChanges } from './segment-changes';

const now = new Date('2025-09-21T08:00:00Z');
const untyped: SegmentContext = { now, traitTypes: new Map(), createdAtTrait: null };
const day = (text: string): Date => new Date(`${text}T00:00:00Z`);
/** An account in no suggested segment on 2025-09-21 and 22: score 10, steady, seen 5 days ago, first seen 100 days ago. */
const row = (accountId: string, overrides: Partial<AccountScoreRow> = {}): AccountScoreRow => ({
  accountId,
  period: day('2025-09-21'),
  rawScore: 1,
  engagementScore: 10,
  engagementScoreChange: 0,
  benchmark: 1,
  activeUsers: 1,
  activationRate: 1,
  overallScoredEvents: 1,
  recentlyScoredEvents: 1,
  scoringProfileEvents: 1,
  totalPeopleCount: 1,
  totalActivePeopleCount: 1,
  firstSeen: day('2025-06-13'),
  lastSeen: day('2025-09-16'),
  frequency: 1,
  adoptionRate: 1,
  lifetimeAdoptionRate: 1,
  lastActive: day('2025-09-16'),
  activation: null,
  ...overrides,
});
const segment = (id: string, rule: string): SegmentRecord => ({ id, name: `segment ${id}`, rule, builtin: false, members: 0 });

describe('segmentChanges', () => {
  it('lists entries and exits per segment against the current members', () => {
    const changes = segmentChanges(
      [segment('1', 'engagement_score >= 80'), segment('2', 'engagement_score < 30 AND plan = trial')],
      [row('a', { engagementScore: 90 }), row('b', { engagementScore: 20 }), row('c', { engagementScore: 20 })],
      new Map([['b', { plan: 'trial' }]]),
      [
        { segmentId: '1', accountId: 'b' },
        { segmentId: '2', accountId: 'b' },
      ],
      untyped,
    );
    expect(changes).toEqual({
      entries: [{ segmentId: '1', accountId: 'a' }],
      exits: [{ segmentId: '1', accountId: 'b' }],
    });
  });

  it('leaves a segment whose rule no longer parses untouched', () => {
    const changes = segmentChanges(
      [segment('1', 'engagement_score >')],
      [row('a')],
      new Map(),
      [{ segmentId: '1', accountId: 'z' }],
      untyped,
    );
    expect(changes).toEqual({ entries: [], exits: [] });
  });

  it("compares traits as the workspace's types", () => {
    const typed: SegmentContext = { ...untyped, traitTypes: new Map<string, TraitDataType>([['mrr', 'number']]) };
    const traits = new Map<string, Traits>([
      ['string', { mrr: '1000' }],
      ['number', { mrr: 1000 }],
      ['text', { mrr: 'abc' }],
    ]);
    const rows = [row('string'), row('number'), row('text')];
    const members = (rule: string): string[] =>
      segmentChanges([segment('1', rule)], rows, traits, [], typed).entries.map((entry) => entry.accountId);
    expect(members('mrr > 999')).toEqual(['string', 'number']);
    expect(members('mrr != 5')).toEqual(['string', 'number']);
    expect(members('NOT mrr = 5')).toEqual(['string', 'number']);
  });
});

/** One account per suggested segment: what puts it in on 2025-09-21 and what takes it out a day later. */
const RUNS: ReadonlyArray<{
  account: string;
  first: Partial<AccountScoreRow>;
  second?: Partial<AccountScoreRow>;
  traits?: [Traits, Traits];
}> = [
  { account: 'highly', first: { engagementScore: 80 } },
  { account: 'engaged', first: { engagementScore: 60 } },
  { account: 'low', first: { engagementScore: 30 } },
  {
    account: 'at-risk',
    first: { engagementScore: 20, engagementScoreChange: -12 },
    second: { engagementScore: 20, engagementScoreChange: -5 },
  },
  { account: 'red-hot', first: { engagementScoreChange: 12 } },
  { account: 'ice-cold', first: { engagementScore: 60, engagementScoreChange: -15 }, second: { engagementScore: 60 } },
  // Seen on the first run's day: zero days since, one day later one.
  { account: 'active-today', first: { lastSeen: day('2025-09-21') }, second: { lastSeen: day('2025-09-21') } },
  { account: 'recently-inactive', first: { lastSeen: day('2025-07-23') }, second: { lastSeen: day('2025-07-23') } },
  // Comes back on the second day: leaves Dormant, enters Active today.
  { account: 'dormant', first: { lastSeen: day('2025-09-01') }, second: { lastSeen: day('2025-09-22') } },
  { account: 'new', first: { firstSeen: day('2025-09-07') }, second: { firstSeen: day('2025-09-07') } },
  // The created-at trait is corrected to a recent date.
  { account: 'mature-by-trait', first: {}, traits: [{ createdAt: '2024-01-01' }, { createdAt: '2025-09-01T00:00:00Z' }] },
  // No created-at trait: first_seen decides, until one arrives (Unix seconds) and wins over it.
  {
    account: 'mature-by-first-seen',
    first: { firstSeen: day('2025-03-01') },
    second: { firstSeen: day('2025-03-01') },
    traits: [{}, { created_at: 1_756_684_800 }],
  },
  { account: 'multi-user', first: { activeUsers: 2 } },
  { account: 'pql', first: { engagementScore: 72 }, second: { engagementScore: 72 }, traits: [{ status: 'trial' }, { status: 'paid' }] },
];

describe('each suggested segment', () => {
  const segments = SUGGESTED_SEGMENTS.map((suggestion) => ({
    id: suggestion.name,
    name: suggestion.name,
    rule: suggestion.rule,
    builtin: true,
    members: 0,
  }));
  const run = (when: Date, pick: 0 | 1, current: readonly SegmentMember[]) =>
    segmentChanges(
      segments,
      RUNS.map((entry) => row(entry.account, pick === 0 ? entry.first : (entry.second ?? {}))),
      new Map(RUNS.map((entry) => [entry.account, entry.traits?.[pick] ?? {}])),
      current,
      { ...untyped, now: when },
    );
  const pairs = (members: readonly SegmentMember[]): string[] => members.map((member) => `${member.accountId} ${member.segmentId}`).sort();

  it('is entered on one run and left on the next', () => {
    const first = run(now, 0, []);
    expect(first.exits).toEqual([]);
    expect(pairs(first.entries)).toEqual(
      [
        'highly Highly engaged',
        'engaged Engaged',
        'low Low engagement',
        'at-risk At risk',
        'at-risk Ice cold',
        'red-hot Red hot',
        'ice-cold Engaged',
        'ice-cold Ice cold',
        'active-today Active today',
        'recently-inactive Recently inactive',
        'recently-inactive Dormant',
        'dormant Dormant',
        'new New',
        'mature-by-trait Mature',
        'mature-by-first-seen Mature',
        'multi-user Multi-user',
        'pql Engaged',
        'pql Product-qualified',
      ].sort(),
    );
    expect(new Set(first.entries.map((entry) => entry.segmentId))).toEqual(
      new Set(SUGGESTED_SEGMENTS.map((suggestion) => suggestion.name)),
    );

    const second = run(new Date('2025-09-22T08:00:00Z'), 1, first.entries);
    expect(pairs(second.entries)).toEqual(['dormant Active today']);
    expect(pairs(second.exits)).toEqual(
      [
        'highly Highly engaged',
        'engaged Engaged',
        'low Low engagement',
        'at-risk At risk',
        'at-risk Ice cold',
        'red-hot Red hot',
        'ice-cold Ice cold',
        'active-today Active today',
        'recently-inactive Recently inactive',
        'dormant Dormant',
        'new New',
        'mature-by-trait Mature',
        'mature-by-first-seen Mature',
        'multi-user Multi-user',
        'pql Product-qualified',
      ].sort(),
    );
  });
});
