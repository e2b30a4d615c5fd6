import { parseTraitFilter, type TraitFilter, type TraitRuleContext } from '@coil/scoring';
import { filterScope, type ScoringSubjects } from './filter-scope';

const subjects: ScoringSubjects = {
  accounts: [
    { id: '1', traits: { plan: 'paid' } },
    { id: '2', traits: { plan: 'free' } },
    { id: '3', traits: { plan: 'paid' } }, // no members
  ],
  users: [
    { id: '10', traits: { role: 'admin' } },
    { id: '11', traits: { role: 'viewer' } },
    { id: '12', traits: { role: 'admin' } }, // no account
  ],
  memberships: [
    { accountId: '1', userId: '10' },
    { accountId: '1', userId: '11' },
    { accountId: '2', userId: '11' },
  ],
};

const filter = (text: string): TraitFilter => parseTraitFilter(text) as TraitFilter;
const untyped: TraitRuleContext = { traitTypes: new Map(), now: new Date('2025-09-21T08:00:00Z') };

describe('filterScope', () => {
  it('keeps accounts matching alone, with every pair of theirs', () => {
    expect(filterScope(filter('plan = paid'), subjects, untyped)).toEqual({
      pairs: [
        { accountId: '1', userId: '10' },
        { accountId: '1', userId: '11' },
      ],
      accountIds: ['1', '3'],
      userIds: ['10', '11'],
    });
  });

  it('keeps the accounts of matching users, counting only those users', () => {
    expect(filterScope(filter('user.role = admin'), subjects, untyped)).toEqual({
      pairs: [{ accountId: '1', userId: '10' }],
      accountIds: ['1'],
      userIds: ['10', '12'],
    });
  });

  it('compares typed traits as their type, leaving values that do not parse out', () => {
    const typed: TraitRuleContext = { ...untyped, traitTypes: new Map([['seats', 'number' as const]]) };
    const seated: ScoringSubjects = {
      accounts: [
        { id: '1', traits: { seats: '12' } },
        { id: '2', traits: { seats: 'many' } },
      ],
      users: [],
      memberships: [],
    };
    expect(filterScope(filter('seats != 3'), seated, typed).accountIds).toEqual(['1']);
    expect(filterScope(filter('seats != 3'), seated, untyped).accountIds).toEqual(['1']);
    expect(filterScope(filter("seats != '3'"), seated, untyped).accountIds).toEqual(['1', '2']);
    expect(filterScope(filter("seats != '3'"), seated, typed).accountIds).toEqual(['1']);
  });
});
