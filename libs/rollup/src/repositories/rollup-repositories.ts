import { AccountRepository } from './account.repository';
import { BatchRepository } from './batch.repository';
import { DailyCountRepository } from './daily-count.repository';
import { IdentityRepository } from './identity.repository';
import { MembershipRepository } from './membership.repository';
import type { RepositoryShape, SqlClient } from '@coil/database';
import { SignalOutbox, SignalBaselineRepository } from '@coil/delivery';
import { UserHistoryRepository } from './user-history.repository';
import { UserRepository } from './user.repository';

/** Every repository a batch touches, bound to the one client of its transaction. */
export interface RollupRepositories {
  batches: RepositoryShape<BatchRepository>;
  identities: RepositoryShape<IdentityRepository>;
  users: RepositoryShape<UserRepository>;
  userHistory: RepositoryShape<UserHistoryRepository>;
  accounts: RepositoryShape<AccountRepository>;
  memberships: RepositoryShape<MembershipRepository>;
  dailyCounts: RepositoryShape<DailyCountRepository>;
  /** The watched traits and baseline, and the outbox trait_changed signals go to. */
  signalBaseline: Pick<SignalBaselineRepository, 'read' | 'clear'>;
  signals: Pick<SignalOutbox, 'record'>;
}

export function createRollupRepositories(db: SqlClient): RollupRepositories {
  return {
    batches: new BatchRepository(db),
    identities: new IdentityRepository(db),
    users: new UserRepository(db),
    userHistory: new UserHistoryRepository(db),
    accounts: new AccountRepository(db),
    memberships: new MembershipRepository(db),
    dailyCounts: new DailyCountRepository(db),
    signalBaseline: new SignalBaselineRepository(db),
    signals: new SignalOutbox(db),
  };
}
