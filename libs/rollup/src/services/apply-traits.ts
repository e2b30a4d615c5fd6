import { completeSignals, subjectKey, type Signal, type SignalDraft, type SignalSubject } from '@coil/signals';
import { accountColumns, applyWatchedUpdates, compareNumericIds, type KeyedTraitUpdate, type TraitWatch } from '../planning';
import type { RollupRepositories } from '../repositories';

/** Identify traits; returns the trait_changed signals of watched traits (none when `watch` is null). */
export async function applyUserTraits(
  repos: RollupRepositories,
  workspaceId: string,
  updates: KeyedTraitUpdate[],
  userIdOf: ReadonlyMap<string, string>,
  watch: TraitWatch | null,
): Promise<Signal[]> {
  if (updates.length === 0) return [];
  const byUser = groupUpdatesByRow(updates, userIdOf);
  const users = await repos.users.lockUsers(workspaceId, [...byUser.keys()]);
  const changes = new SignalsOfRows();
  const updated = users.map((user) => {
    const subject = { type: 'user', id: user.id } as const;
    const { merged, drafts } = applyWatchedUpdates(user, byUser.get(user.id)!, subject, watch);
    const name = typeof merged.traits.name === 'string' ? merged.traits.name : null;
    changes.add(drafts, { ...subject, external_id: user.externalId, name });
    return { ...user, ...merged };
  });
  await repos.users.updateUsers(workspaceId, updated);
  return changes.signals();
}

/** Group traits, with the name and domain columns kept equal to the traits of that name; returns their signals. */
export async function applyAccountTraits(
  repos: RollupRepositories,
  workspaceId: string,
  updates: KeyedTraitUpdate[],
  accountIdOf: ReadonlyMap<string, string>,
  watch: TraitWatch | null,
): Promise<Signal[]> {
  if (updates.length === 0) return [];
  const byAccount = groupUpdatesByRow(updates, accountIdOf);
  const accounts = await repos.accounts.lockAccounts(workspaceId, [...byAccount.keys()]);
  const changes = new SignalsOfRows();
  const updated = accounts.map((account) => {
    const rowUpdates = byAccount.get(account.id)!;
    const subject = { type: 'account', id: account.id } as const;
    const { merged, drafts } = applyWatchedUpdates(account, rowUpdates, subject, watch);
    const columns = accountColumns(merged.traits);
    // The updates' key is the account's tracking id.
    changes.add(drafts, { ...subject, tracking_id: rowUpdates[0].key, name: columns.name });
    return { id: account.id, ...merged, ...columns };
  });
  await repos.accounts.updateAccounts(workspaceId, updated);
  return changes.signals();
}

/** The drafts of a batch's rows and the wire subjects of the rows that have some. */
class SignalsOfRows {
  private readonly drafts: SignalDraft[] = [];
  private readonly subjects = new Map<string, SignalSubject>();

  add(drafts: readonly SignalDraft[], subject: SignalSubject): void {
    if (drafts.length === 0) return;
    this.drafts.push(...drafts);
    this.subjects.set(subjectKey(subject), subject);
  }

  signals(): Signal[] {
    return completeSignals(this.drafts, this.subjects);
  }
}

/** Trait updates per row id (sorted ids, the order rows are locked in). */
function groupUpdatesByRow(updates: KeyedTraitUpdate[], rowIdOf: ReadonlyMap<string, string>): Map<string, KeyedTraitUpdate[]> {
  const byRow = new Map<string, KeyedTraitUpdate[]>();
  for (const update of updates) {
    const rowId = rowIdOf.get(update.key);
    if (rowId === undefined) throw new Error(`no row resolved for trait update of "${update.key}"`);
    const list = byRow.get(rowId);
    if (list) list.push(update);
    else byRow.set(rowId, [update]);
  }
  return new Map([...byRow].sort(([a], [b]) => compareNumericIds(a, b)));
}
