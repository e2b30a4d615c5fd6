import type { UnitOfWork } from '@coil/database';
import type { AccountSourceWrites } from '../repositories/scoring-repositories';

/** What one sync changed (all zero when it ran on unchanged data). */
export interface AccountSourceSyncResult {
  readonly accounts_created: number;
  readonly memberships_added: number;
  readonly memberships_removed: number;
  readonly names_updated: number;
}

/**
 * Brings accounts and 'trait' memberships in line with the workspace's account settings: the
 * user trait makes accounts and memberships, the name trait names accounts. One transaction,
 * under the scoring lock, so it never interleaves with a settings change or another run.
 */
export class AccountSourceSync {
  constructor(private readonly writes: UnitOfWork<AccountSourceWrites>) {}

  sync(workspaceId: string): Promise<AccountSourceSyncResult> {
    return this.writes.run(async ({ scoringLock, workspaces, accountSource }) => {
      await scoringLock.lock(workspaceId);
      const settings = await workspaces.accountSettings(workspaceId);
      const userTrait = settings?.userTrait ?? null;
      const nameTrait = settings?.nameTrait ?? null;
      // Accounts first, then memberships: the order the rollup locks them in.
      const created = userTrait === null ? 0 : await accountSource.createAccounts(workspaceId, userTrait);
      const named = nameTrait === null ? 0 : await accountSource.updateNames(workspaceId, userTrait, nameTrait);
      const removed = await accountSource.removeStaleMemberships(workspaceId, userTrait);
      const added = userTrait === null ? 0 : await accountSource.addMemberships(workspaceId, userTrait);
      return { accounts_created: created, memberships_added: added, memberships_removed: removed, names_updated: named };
    });
  }
}
