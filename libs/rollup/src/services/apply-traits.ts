import { accountColumns, applyTraitUpdates, compareNumericIds, type KeyedTraitUpdate, type TraitUpdate } from '../planning';
import type { RollupRepositories } from '../repositories';

export async function applyUserTraits(
  repos: RollupRepositories,
  workspaceId: string,
  updates: KeyedTraitUpdate[],
  userIdOf: ReadonlyMap<string, string>,
): Promise<void> {
  if (updates.length === 0) return;
  const byUser = groupUpdatesByRow(updates, userIdOf);
  const users = await repos.users.lockUsers(workspaceId, [...byUser.keys()]);
  const updated = users.map((user) => ({ ...user, ...applyTraitUpdates(user, byUser.get(user.id)!) }));
  await repos.users.updateUsers(workspaceId, updated);
}

/** Group traits, with the name and domain columns kept equal to the traits of that name. */
export async function applyAccountTraits(
  repos: RollupRepositories,
  workspaceId: string,
  updates: KeyedTraitUpdate[],
  accountIdOf: ReadonlyMap<string, string>,
): Promise<void> {
  if (updates.length === 0) return;
  const byAccount = groupUpdatesByRow(updates, accountIdOf);
  const accounts = await repos.accounts.lockAccounts(workspaceId, [...byAccount.keys()]);
  const updated = accounts.map((account) => {
    const merged = applyTraitUpdates(account, byAccount.get(account.id)!);
    return { id: account.id, ...merged, ...accountColumns(merged.traits) };
  });
  await repos.accounts.updateAccounts(workspaceId, updated);
}

/** Trait updates per row id (sorted ids, the order rows are locked in). */
function groupUpdatesByRow(updates: KeyedTraitUpdate[], rowIdOf: ReadonlyMap<string, string>): Map<string, TraitUpdate[]> {
  const byRow = new Map<string, TraitUpdate[]>();
  for (const update of updates) {
    const rowId = rowIdOf.get(update.key);
    if (rowId === undefined) throw new Error(`no row resolved for trait update of "${update.key}"`);
    const list = byRow.get(rowId);
    if (list) list.push(update);
    else byRow.set(rowId, [update]);
  }
  return new Map([...byRow].sort(([a], [b]) => compareNumericIds(a, b)));
}
