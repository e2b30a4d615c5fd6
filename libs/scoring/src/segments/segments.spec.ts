import type { AccountMetrics } from '../metrics/account-metrics';
import { parseRule } from '../rules/rule-parser';
import { BUILTIN_SEGMENTS } from './builtin-segments';
import { segmentLookup } from './segment-lookup';
import { diffMembership, matchingSegments } from './segment-membership';

const now = new Date('2025-09-21T08:00:00Z');
const metrics = (overrides: Partial<AccountMetrics>): AccountMetrics => ({
  engagement_score: 50,
  engagement_score_change: 0,
  raw_score: 100,
  first_seen: '2025-01-01',
  last_seen: '2025-09-21',
  active_users: 3,
  activation_rate: 0.5,
  overall_scored_events: 1000,
  recently_scored_events: 100,
  scoring_profile_events: 100,
  total_people_count: 5,
  total_active_people_count: 4,
  ...overrides,
});
const builtins = BUILTIN_SEGMENTS.map((segment) => ({ id: segment.name, rule: parseRule(segment.rule) }));
const segmentsOf = (m: AccountMetrics, traits: Record<string, unknown> = {}): string[] =>
  matchingSegments(builtins, segmentLookup(m, traits, now));

describe('built-in segments', () => {
  it('all parse', () => {
    expect(BUILTIN_SEGMENTS.map((segment) => segment.name)).toEqual(['At risk', 'Product-qualified', 'Highly engaged', 'Dormant', 'New']);
  });

  it('puts accounts where their rules say', () => {
    expect(segmentsOf(metrics({}))).toEqual([]);
    expect(segmentsOf(metrics({ engagement_score: 22.5, engagement_score_change: -18.5 }))).toEqual(['At risk']);
    expect(segmentsOf(metrics({ engagement_score: 22.5, engagement_score_change: -9.9 }))).toEqual([]);
    expect(segmentsOf(metrics({ engagement_score: 75 }), { plan: 'trial' })).toEqual(['Product-qualified']);
    expect(segmentsOf(metrics({ engagement_score: 85 }), { plan: 'paid' })).toEqual(['Highly engaged']);
  });

  it('counts Dormant and New in whole UTC days', () => {
    expect(segmentsOf(metrics({ last_seen: '2025-09-07' }))).toEqual(['Dormant']);
    expect(segmentsOf(metrics({ last_seen: '2025-09-08' }))).toEqual([]);
    expect(segmentsOf(metrics({ first_seen: '2025-09-08' }))).toEqual(['New']);
    expect(segmentsOf(metrics({ first_seen: '2025-09-07' }))).toEqual([]);
  });

  it('leaves accounts without data or a change out rather than guessing', () => {
    expect(segmentsOf(metrics({ engagement_score: 1, engagement_score_change: null, first_seen: null, last_seen: null }))).toEqual([]);
    expect(segmentsOf(metrics({ engagement_score: 75 }))).toEqual([]);
  });

  it('lets metrics win over a trait of the same name, account.x reads the trait', () => {
    const lookup = segmentLookup(metrics({ engagement_score: 10 }), { engagement_score: 99 }, now);
    expect(lookup('engagement_score')).toBe(10);
    expect(lookup('account.engagement_score')).toBe(99);
    expect(lookup('days_since_first_seen')).toBe(263);
  });
});

describe('diffMembership', () => {
  it('lists who entered and who left, at the given time', () => {
    expect(diffMembership(['1', '2', '3'], ['2', '3', '4', '5'], now)).toEqual({ entered: ['4', '5'], left: ['1'], at: now });
    expect(diffMembership([1n], [1n], now)).toEqual({ entered: [], left: [], at: now });
  });
});
