import type { TraitDataType } from '../traits/trait-data-type';
import { matchesRule } from './rule-evaluator';
import { parseRule } from './rule-parser';
import { matchesTraitFilter, parseTraitFilter, type TraitRuleContext } from './trait-filter';

const now = new Date('2025-09-21T08:00:00Z');
const typed: TraitRuleContext = {
  now,
  traitTypes: new Map<string, TraitDataType>([
    ['mrr', 'number'],
    ['trial_end', 'date'],
    ['usage', 'percentage'],
  ]),
};
const untyped: TraitRuleContext = { now, traitTypes: new Map() };
const matches = (rule: string, account: Record<string, unknown>, context: TraitRuleContext = typed): boolean =>
  matchesTraitFilter(parseTraitFilter(rule), { account }, context);

describe('typed comparisons', () => {
  it('compares a number trait numerically whether it was sent as a number or a string', () => {
    expect(matches('mrr > 999', { mrr: '1000' })).toBe(true);
    expect(matches('mrr > 999', { mrr: 1000 })).toBe(true);
    expect(matches('mrr > 999', { mrr: '999' })).toBe(false);
    expect(matches("mrr = '1000'", { mrr: '1000.0' })).toBe(true);
  });

  it('never matches a value that does not parse, not even with != or NOT', () => {
    expect(matches('mrr > 999', { mrr: 'abc' })).toBe(false);
    expect(matches('mrr != 5', { mrr: 'abc' })).toBe(false);
    expect(matches('NOT mrr = 5', { mrr: 'abc' })).toBe(false);
    expect(matches('mrr not in (1, 2)', { mrr: 'abc' })).toBe(false);
    expect(matches("mrr = 'abc'", { mrr: 'abc' })).toBe(false);
    expect(matches('mrr != 5 OR plan = paid', { mrr: 'abc', plan: 'paid' })).toBe(true);
  });

  it('keeps untyped traits as they were: text for string literals, numbers when both sides are', () => {
    expect(matches('mrr != 5', { mrr: 'abc' }, untyped)).toBe(false);
    expect(matches("mrr = 'abc'", { mrr: 'abc' }, untyped)).toBe(true);
    expect(matches('mrr > 999', { mrr: '1000' }, untyped)).toBe(true);
    expect(matches('usage > 40', { usage: '45%' }, untyped)).toBe(false);
    expect(matches('plan = now', { plan: 'now' }, untyped)).toBe(true);
    expect(matches('trial_end < now + 7d', { trial_end: '2025-09-22' }, untyped)).toBe(false);
  });

  it('compares a date trait with relative and ISO dates as instants', () => {
    expect(matches('trial_end < now + 7d', { trial_end: '2025-09-27T00:00:00Z' })).toBe(true);
    expect(matches('trial_end < now + 7d', { trial_end: '2025-09-28T08:00:00Z' })).toBe(false);
    expect(matches('trial_end < now + 7d', { trial_end: 1_758_441_600 })).toBe(true);
    expect(matches('trial_end >= now - 12h AND trial_end <= now', { trial_end: '2025-09-20T20:00:00Z' })).toBe(true);
    expect(matches("trial_end = '2025-09-21'", { trial_end: '2025-09-21T00:00:00Z' })).toBe(true);
    expect(matches("trial_end > '2025-09-21T09:00:00+02:00'", { trial_end: '2025-09-21T08:00:00Z' })).toBe(true);
    expect(matches('trial_end < now + 7d', { trial_end: 'next week' })).toBe(false);
    expect(matches('trial_end != now', { trial_end: 'next week' })).toBe(false);
    expect(matches("trial_end = 'soon'", { trial_end: '2025-09-21' })).toBe(false);
  });

  it('reads percentages with their sign as numbers', () => {
    expect(matches('usage > 40', { usage: '45%' })).toBe(true);
    expect(matches('usage > 40', { usage: '45 %' })).toBe(true);
    expect(matches('usage > 40', { usage: 45 })).toBe(true);
    expect(matches('usage > 40', { usage: '39.5%' })).toBe(false);
    expect(matches('usage != 1', { usage: 'most' })).toBe(false);
  });

  it('types user and account traits by the same key', () => {
    const filter = parseTraitFilter('user.mrr > 10 AND account.mrr > 10');
    expect(matchesTraitFilter(filter, { user: { mrr: '11' }, account: { mrr: 11 } }, typed)).toBe(true);
    expect(matchesTraitFilter(filter, { user: { mrr: '11' }, account: { mrr: 'x' } }, typed)).toBe(false);
  });

  it('counts relative dates from the given now, not the clock', () => {
    const rule = parseRule('seen > now - 1h');
    const lookup = () => new Date('2025-01-01T12:00:00Z');
    expect(matchesRule(rule, lookup, new Date('2025-01-01T12:30:00Z'))).toBe(true);
    expect(matchesRule(rule, lookup, new Date('2025-01-01T13:30:00Z'))).toBe(false);
  });
});
