import { matchesTraitFilter, parseTraitFilter, type TraitRuleContext } from './trait-filter';
import { RuleParseError } from './rule-parse-error';

const untyped: TraitRuleContext = { traitTypes: new Map(), now: new Date('2025-09-21T08:00:00Z') };

describe('trait filters', () => {
  it('keeps only matching users or accounts', () => {
    const paid = parseTraitFilter('plan = paid');
    expect(matchesTraitFilter(paid, { account: { plan: 'paid' } }, untyped)).toBe(true);
    expect(matchesTraitFilter(paid, { account: { plan: 'free' } }, untyped)).toBe(false);
    expect(matchesTraitFilter(paid, { account: {} }, untyped)).toBe(false);
  });

  it('reads user traits first, or one side explicitly', () => {
    const admins = parseTraitFilter('role in (admin, owner)');
    expect(matchesTraitFilter(admins, { user: { role: 'owner' } }, untyped)).toBe(true);
    expect(matchesTraitFilter(admins, { user: { role: 'viewer' }, account: { role: 'admin' } }, untyped)).toBe(false);
    const both = parseTraitFilter('user.role = admin AND account.plan != free');
    expect(matchesTraitFilter(both, { user: { role: 'admin' }, account: { plan: 'paid' } }, untyped)).toBe(true);
    expect(matchesTraitFilter(both, { user: { role: 'admin' }, account: { plan: 'free' } }, untyped)).toBe(false);
  });

  it('treats a blank filter as none and reports bad ones with a position', () => {
    expect(parseTraitFilter('  ')).toBeNull();
    expect(matchesTraitFilter(null, {}, untyped)).toBe(true);
    expect(() => parseTraitFilter('plan == paid')).toThrow(RuleParseError);
    expect(() => parseTraitFilter('plan == paid')).toThrow("Expected a value (number, quoted or bare string), found '=' at position 6");
  });
});
