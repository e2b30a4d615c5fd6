import type { UnitOfWork } from '@coil/database';
import type { AccountSettings } from '@coil/workspaces';
import type { AccountSourceWrites } from '../repositories/scoring-repositories';
import { AccountSourceSync } from './account-source-sync';

/** Repositories that log each call with its trait arguments and answer a fixed count. */
function newSync(settings: AccountSettings | undefined) {
  const log: string[] = [];
  let runs = 0;
  const writes: AccountSourceWrites = {
    scoringLock: { lock: async (workspaceId) => void log.push(`lock ${workspaceId}`) },
    workspaces: { accountSettings: async () => (log.push('settings'), settings) },
    accountSource: {
      createAccounts: async (_, userTrait) => (log.push(`create accounts from ${userTrait}`), 2),
      updateNames: async (_, userTrait, nameTrait) => (log.push(`names from ${nameTrait} (users: ${userTrait})`), 3),
      removeStaleMemberships: async (_, userTrait) => (log.push(`remove stale (trait: ${userTrait})`), 1),
      addMemberships: async (_, userTrait) => (log.push(`add memberships from ${userTrait}`), 5),
    },
  };
  const unitOfWork: UnitOfWork<AccountSourceWrites> = { run: async (work) => ((runs += 1), work(writes)) };
  return { sync: new AccountSourceSync(unitOfWork), log, runs: () => runs };
}

describe('AccountSourceSync', () => {
  it('locks, then creates accounts, names them, and replaces stale memberships, in one unit of work', async () => {
    const { sync, log, runs } = newSync({ userTrait: 'company_id', nameTrait: 'company_name', createdAtTrait: null });

    expect(await sync.sync('7')).toEqual({ accounts_created: 2, names_updated: 3, memberships_removed: 1, memberships_added: 5 });
    expect(runs()).toBe(1);
    expect(log).toEqual([
      'lock 7',
      'settings',
      'create accounts from company_id',
      'names from company_name (users: company_id)',
      'remove stale (trait: company_id)',
      'add memberships from company_id',
    ]);
  });

  it('without a user trait only removes trait memberships (the setting was cleared)', async () => {
    const { sync, log } = newSync({ userTrait: null, nameTrait: null, createdAtTrait: null });

    expect(await sync.sync('7')).toEqual({ accounts_created: 0, names_updated: 0, memberships_removed: 1, memberships_added: 0 });
    expect(log).toEqual(['lock 7', 'settings', 'remove stale (trait: null)']);
  });

  it('names accounts from the name trait alone, for group-call accounts', async () => {
    const { sync, log } = newSync({ userTrait: null, nameTrait: 'company_name', createdAtTrait: null });
    await sync.sync('7');
    expect(log).toContain('names from company_name (users: null)');
  });
});
