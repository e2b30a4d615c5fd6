import type { Activation } from '../activation/activation-checklist';
import { ruleFields } from '../rules/rule-ast';
import { parseRule } from '../rules/rule-parser';
import type { TraitDataType } from '../traits/trait-data-type';
import { INVALID } from '../traits/trait-value';
import { SEGMENT_METRIC_FIELDS, segmentLookup, type SegmentContext } from './segment-lookup';
import { diffMembership, matchingSegments } from './segment-membership';
import type { SegmentSubject } from './segment-subject';
import { SUGGESTED_SEGMENTS } from './suggested-segments';

const now = new Date('2025-09-21T08:00:00Z');
const context: SegmentContext = { now, traitTypes: new Map(), createdAtTrait: null };
/** An account in no suggested segment: low score, steady, seen 5 days ago, first seen 100 days ago, one active user. */
const subject = (overrides: Partial<SegmentSubject>): SegmentSubject => ({
  engagement_score: 10,
  engagement_score_change: 0,
  raw_score: 100,
  first_seen: '2025-06-13',
  last_seen: '2025-09-16',
  active_users: 1,
  activation_rate: 0.5,
  overall_scored_events: 1000,
  recently_scored_events: 100,
  scoring_profile_events: 100,
  total_people_count: 5,
  total_active_people_count: 4,
  frequency: 3,
  adoption_rate: 0.5,
  lifetime_adoption_rate: 0.5,
  last_active: '2025-09-16',
  activation: null,
  ...overrides,
});
const suggested = SUGGESTED_SEGMENTS.map((segment) => ({ id: segment.name, rule: parseRule(segment.rule) }));
const segmentsOf = (s: SegmentSubject, traits: Record<string, unknown> = {}, within: SegmentContext = context): string[] =>
  matchingSegments(suggested, segmentLookup(s, traits, within), within.now);

describe('suggested segments', () => {
  it('are the 13 of parity.md, in order, each reading only known fields or the status trait', () => {
    expect(SUGGESTED_SEGMENTS.map((segment) => segment.name)).toEqual([
      'Highly engaged',
      'Engaged',
      'Low engagement',
      'At risk',
      'Red hot',
      'Ice cold',
      'Active today',
      'Recently inactive',
      'Dormant',
      'New',
      'Mature',
      'Multi-user',
      'Product-qualified',
    ]);
    const fields = suggested.flatMap((segment) => ruleFields(segment.rule));
    expect(fields.filter((field) => !SEGMENT_METRIC_FIELDS.includes(field))).toEqual(['status']);
  });

  it('splits the score into tiers at 25, 50 and 75', () => {
    expect(segmentsOf(subject({}))).toEqual([]);
    expect(segmentsOf(subject({ engagement_score: 75 }))).toEqual(['Highly engaged']);
    expect(segmentsOf(subject({ engagement_score: 74.9 }))).toEqual(['Engaged']);
    expect(segmentsOf(subject({ engagement_score: 50 }))).toEqual(['Engaged']);
    expect(segmentsOf(subject({ engagement_score: 49.9 }))).toEqual(['Low engagement']);
    expect(segmentsOf(subject({ engagement_score: 25 }))).toEqual(['Low engagement']);
  });

  it('marks moves of 10 points as Red hot / Ice cold, and a low falling score as At risk', () => {
    expect(segmentsOf(subject({ engagement_score_change: 10 }))).toEqual(['Red hot']);
    expect(segmentsOf(subject({ engagement_score_change: 9.9 }))).toEqual([]);
    expect(segmentsOf(subject({ engagement_score_change: -10 }))).toEqual(['At risk', 'Ice cold']);
    expect(segmentsOf(subject({ engagement_score: 25, engagement_score_change: -18.5 }))).toEqual(['Low engagement', 'Ice cold']);
    expect(segmentsOf(subject({ engagement_score_change: null }))).toEqual([]);
  });

  it('counts recency in whole UTC days', () => {
    expect(segmentsOf(subject({ last_seen: '2025-09-21' }))).toEqual(['Active today']);
    expect(segmentsOf(subject({ last_seen: '2025-09-06' }))).toEqual(['Dormant']);
    expect(segmentsOf(subject({ last_seen: '2025-09-07' }))).toEqual([]);
    expect(segmentsOf(subject({ last_seen: '2025-08-22' }))).toEqual(['Recently inactive', 'Dormant']);
    expect(segmentsOf(subject({ last_seen: '2025-07-23' }))).toEqual(['Recently inactive', 'Dormant']);
    expect(segmentsOf(subject({ last_seen: '2025-07-22' }))).toEqual(['Dormant']);
    expect(segmentsOf(subject({ first_seen: '2025-09-07' }))).toEqual(['New']);
    expect(segmentsOf(subject({ first_seen: '2025-09-06' }))).toEqual([]);
  });

  it('reads Mature from the created-at trait, else first_seen', () => {
    expect(segmentsOf(subject({ first_seen: '2025-03-24' }))).toEqual(['Mature']);
    expect(segmentsOf(subject({ first_seen: '2025-03-25' }))).toEqual([]);
    expect(segmentsOf(subject({}), { createdAt: '2024-01-01T00:00:00Z' })).toEqual(['Mature']);
    expect(segmentsOf(subject({}), { created_at: 1_700_000_000 })).toEqual(['Mature']);
    expect(segmentsOf(subject({ first_seen: '2020-01-01' }), { createdAt: '2025-09-01' })).toEqual([]);
    expect(segmentsOf(subject({ first_seen: '2020-01-01' }), { createdAt: 'last spring' })).toEqual(['Mature']);
    const signup: SegmentContext = { ...context, createdAtTrait: 'signup' };
    expect(segmentsOf(subject({}), { signup: '2024-01-01', createdAt: '2025-09-01' }, signup)).toEqual(['Mature']);
    expect(segmentsOf(subject({}), { createdAt: '2024-01-01' }, signup)).toEqual([]);
  });

  it('needs two active users for Multi-user and the status trait for Product-qualified', () => {
    expect(segmentsOf(subject({ active_users: 2 }))).toEqual(['Multi-user']);
    expect(segmentsOf(subject({ engagement_score: 70 }), { status: 'trial' })).toEqual(['Engaged', 'Product-qualified']);
    expect(segmentsOf(subject({ engagement_score: 69.9 }), { status: 'trial' })).toEqual(['Engaged']);
    expect(segmentsOf(subject({ engagement_score: 70 }), { plan: 'trial' })).toEqual(['Engaged']);
  });

  it('leaves accounts without data out rather than guessing', () => {
    const unseen = subject({ engagement_score: 1, engagement_score_change: null, first_seen: null, last_seen: null });
    expect(segmentsOf(unseen)).toEqual([]);
  });
});

describe('segmentLookup', () => {
  const activation = (activatedAt: string | null): Activation => ({ rate: 1, completed: ['a'], missing: [], activated_at: activatedAt });

  it('lets metrics win over a trait of the same name, account.x reads the trait', () => {
    const lookup = segmentLookup(subject({ engagement_score: 10 }), { engagement_score: 99 }, context);
    expect(lookup('engagement_score')).toBe(10);
    expect(lookup('account.engagement_score')).toBe(99);
    expect(lookup('days_since_first_seen')).toBe(100);
    expect(lookup('first_seen')).toEqual(new Date('2025-06-13T00:00:00Z'));
    expect(lookup('missing')).toBeUndefined();
  });

  it('serves the engagement model: frequency, adoption, last_active, trend, activated', () => {
    const lookup = segmentLookup(
      subject({
        engagement_score_change: -12,
        frequency: 4,
        adoption_rate: 0.25,
        lifetime_adoption_rate: 0.5,
        last_active: '2025-09-18',
        activation: activation('2025-09-01'),
      }),
      {},
      context,
    );
    expect(['frequency', 'adoption_rate', 'lifetime_adoption_rate', 'trend', 'activated', 'days_since_last_active'].map(lookup)).toEqual([
      4,
      0.25,
      0.5,
      'cold',
      true,
      3,
    ]);
    expect(lookup('last_active')).toEqual(new Date('2025-09-18T00:00:00Z'));
    const rule = parseRule('activated = true AND trend = cold AND frequency >= 4 AND last_active >= now - 4d');
    expect(matchingSegments([{ id: 'x', rule }], lookup, now)).toEqual(['x']);
  });

  it('derives trend from the change and leaves activated unknown without a checklist', () => {
    const trendOf = (change: number | null): unknown => segmentLookup(subject({ engagement_score_change: change }), {}, context)('trend');
    expect([10, 9.9, -9.9, -10, null].map(trendOf)).toEqual(['hot', 'steady', 'steady', 'cold', 'steady']);
    expect(segmentLookup(subject({ activation: activation(null) }), {}, context)('activated')).toBe(false);
    expect(segmentLookup(subject({ activation: null }), {}, context)('activated')).toBeNull();
    expect(segmentLookup(subject({}), {}, context)('activated')).toBeNull();
    expect(segmentLookup(subject({ last_active: null }), {}, context)('days_since_last_active')).toBeNull();
    expect(segmentLookup(subject({}), {}, context)('days_since_last_active')).toBe(5);
  });

  it('reads traits as their declared type', () => {
    const traitTypes = new Map<string, TraitDataType>([
      ['mrr', 'number'],
      ['trial_end', 'date'],
    ]);
    const lookup = segmentLookup(subject({}), { mrr: '1000', trial_end: 'soon', plan: '12' }, { ...context, traitTypes });
    expect(lookup('mrr')).toBe(1000);
    expect(lookup('account.trial_end')).toBe(INVALID);
    expect(lookup('plan')).toBe('12');
  });
});

describe('diffMembership', () => {
  it('lists who entered and who left, at the given time', () => {
    expect(diffMembership(['1', '2', '3'], ['2', '3', '4', '5'], now)).toEqual({ entered: ['4', '5'], left: ['1'], at: now });
    expect(diffMembership([1n], [1n], now)).toEqual({ entered: [], left: [], at: now });
  });
});
