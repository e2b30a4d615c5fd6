import { parseTraitFilter, type TraitFilter } from '@coil/scoring';
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

describe('filterScope', () => {
  it('keeps accounts matching alone, with every pair of theirs', () => {
    expect(filterScope(filter('plan = paid'), subjects)).toEqual({
      pairs: [
        { accountId: '1', userId: '10' },
        { accountId: '1', userId: '11' },
      ],
      accountIds: ['1', '3'],
      userIds: ['10', '11'],
    });
  });

  it('keeps the accounts of matching users, counting only those users', () => {
    expect(filterScope(filter('user.role = admin'), subjects)).toEqual({
      pairs: [{ accountId: '1', userId: '10' }],
      accountIds: ['1'],
      userIds: ['10', '12'],
    });
  });
});
