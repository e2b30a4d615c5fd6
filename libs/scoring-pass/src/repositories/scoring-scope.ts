import type { MembershipPair } from './subject-traits.repository';

/**
 * What a profile's trait filter lets in: (account, user) pairs whose events count, and the
 * accounts and users that get a score. Null scope: no filter, everything counts.
 */
export interface ScoringScope {
  readonly pairs: readonly MembershipPair[];
  readonly accountIds: readonly string[];
  readonly userIds: readonly string[];
}
