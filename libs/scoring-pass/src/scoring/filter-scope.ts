import { matchesTraitFilter, type TraitFilter, type TraitRuleContext, type Traits } from '@coil/scoring';
import type { ScoringScope } from '../repositories/sql-params';
import type { MembershipPair, TraitsOf } from '../repositories/subject-traits.repository';

export interface ScoringSubjects {
  readonly accounts: readonly TraitsOf[];
  readonly users: readonly TraitsOf[];
  readonly memberships: readonly MembershipPair[];
}

/**
 * Who a trait filter lets in. Bare fields read the user's trait, then the account's, so the
 * filter is judged per (user, account) membership: only those pairs' events count. An account
 * (or user) is scored when it matches with one of its members (accounts) or alone, so `plan =
 * paid` keeps a paid account without users and `role = admin` keeps accounts with an admin.
 * Traits are compared as the workspace's trait types, relative dates from `context.now`.
 */
export function filterScope(filter: TraitFilter, subjects: ScoringSubjects, context: TraitRuleContext): ScoringScope {
  const accountTraits = traitsById(subjects.accounts);
  const userTraits = traitsById(subjects.users);
  const pairs = subjects.memberships.filter((pair) => {
    const user = userTraits.get(pair.userId);
    return user !== undefined && matchesTraitFilter(filter, { user, account: accountTraits.get(pair.accountId) ?? {} }, context);
  });
  const accountIds = new Set(pairs.map((pair) => pair.accountId));
  const userIds = new Set(pairs.map((pair) => pair.userId));
  for (const [id, account] of accountTraits) if (matchesTraitFilter(filter, { account }, context)) accountIds.add(id);
  for (const [id, user] of userTraits) if (matchesTraitFilter(filter, { user }, context)) userIds.add(id);
  return { pairs, accountIds: [...accountIds], userIds: [...userIds] };
}

export function traitsById(subjects: readonly TraitsOf[]): Map<string, Traits> {
  return new Map(subjects.map((subject) => [subject.id, subject.traits]));
}
