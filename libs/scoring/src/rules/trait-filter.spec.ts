import { matchesTraitFilter, parseTraitFilter } from './trait-filter';
import { RuleParseError } from './rule-parse-error';

describe('trait filters', () => {
  it('keeps only matching users or accounts', () => {
    const paid = parseTraitFilter('plan = paid');
    expect(matchesTraitFilter(paid, { account: { plan: 'paid' } })).toBe(true);
    expect(matchesTraitFilter(paid, { account: { plan: 'free' } })).toBe(false);
    expect(matchesTraitFilter(paid, { account: {} })).toBe(false);
  });

  it('reads user traits first, or one side explicitly', () => {
    const admins = parseTraitFilter('role in (admin, owner)');
    expect(matchesTraitFilter(admins, { user: { role: 'owner' } })).toBe(true);
    expect(matchesTraitFilter(admins, { user: { role: 'viewer' }, account: { role: 'admin' } })).toBe(false);
    const both = parseTraitFilter('user.role = admin AND account.plan != free');
    expect(matchesTraitFilter(both, { user: { role: 'admin' }, account: { plan: 'paid' } })).toBe(true);
    expect(matchesTraitFilter(both, { user: { role: 'admin' }, account: { plan: 'free' } })).toBe(false);
  });

  it('treats a blank filter as none and reports bad ones with a position', () => {
    expect(parseTraitFilter('  ')).toBeNull();
    expect(matchesTraitFilter(null, {})).toBe(true);
    expect(() => parseTraitFilter('plan == paid')).toThrow(RuleParseError);
    expect(() => parseTraitFilter('plan == paid')).toThrow("Expected a value (number, quoted or bare string), found '=' at position 6");
  });
});
