import { compareNumericIds, compareStrings, type IdentityGroup, type IdentityPlan } from '../planning';
import type { AliasRow, KnownAlias, RollupRepositories } from '../repositories';
import { IdentityRaceError } from './failures';
import { mergePeople, type PersonMerge } from './merge-people';

function isNew(group: IdentityGroup, known: Map<string, KnownAlias>): boolean {
  return group.ids.every((id) => !known.has(id));
}

/** Creates a user per group; a group another worker created meanwhile is left out of the result. */
async function createPeople(repos: RollupRepositories, workspaceId: string, groups: IdentityGroup[]): Promise<Map<string, KnownAlias>> {
  if (groups.length === 0) return new Map();
  const users = groups
    .map((group) => ({ externalId: group.preferredId, identified: group.identified }))
    .sort((a, b) => compareStrings(a.externalId, b.externalId));
  const created = await repos.identities.createUsers(workspaceId, users);
  return new Map(
    users
      .filter((user) => created.has(user.externalId))
      .map((user) => [user.externalId, { userId: created.get(user.externalId)!, identified: user.identified }]),
  );
}

/**
 * Groups whose user another worker created between our read and our insert: the insert waited
 * for that worker to commit, so its aliases are readable now.
 */
async function readConcurrentlyCreated(
  repos: RollupRepositories,
  workspaceId: string,
  groups: IdentityGroup[],
  known: Map<string, KnownAlias>,
): Promise<void> {
  if (groups.length === 0) return;
  const ids = groups.flatMap((group) => group.ids).sort(compareStrings);
  for (const [id, alias] of await repos.identities.lockAliases(workspaceId, ids)) known.set(id, alias);
  if (groups.some((group) => isNew(group, known))) throw new IdentityRaceError('a user was created concurrently');
}

/** The user an identity group ends up as: the one its preferred id names, else the oldest. */
function survivorOf(group: IdentityGroup, known: Map<string, KnownAlias>): KnownAlias {
  const preferred = known.get(group.preferredId);
  if (preferred) return preferred;
  const candidates = group.ids.flatMap((id) => known.get(id) ?? []);
  return candidates.sort((a, b) => compareNumericIds(a.userId, b.userId))[0];
}

function mergeOf(group: IdentityGroup, known: Map<string, KnownAlias>, survivor: KnownAlias): PersonMerge | undefined {
  const loserIds = [...new Set(group.ids.flatMap((id) => known.get(id)?.userId ?? []))].filter((userId) => userId !== survivor.userId);
  const identifyAs = group.identified && !survivor.identified ? group.preferredId : undefined;
  if (loserIds.length === 0 && identifyAs === undefined) return undefined;
  return { survivorId: survivor.userId, loserIds, identifyAs };
}

/**
 * External id -> user id for every id of the batch: creates the people seen for the first time,
 * adds aliases for new ids of known people, and merges people the batch says are one.
 */
export async function resolveUsers(repos: RollupRepositories, workspaceId: string, plan: IdentityPlan): Promise<Map<string, string>> {
  if (plan.ids.length === 0) return new Map();
  const known = await repos.identities.lockAliases(workspaceId, plan.ids);
  const newGroups = plan.groups.filter((group) => isNew(group, known));
  const created = await createPeople(repos, workspaceId, newGroups);
  const lost = newGroups.filter((group) => !created.has(group.preferredId));
  await readConcurrentlyCreated(repos, workspaceId, lost, known);
  const userIdOf = new Map<string, string>();
  const aliases: AliasRow[] = [];
  const merges: PersonMerge[] = [];
  for (const group of plan.groups) {
    const survivor = created.get(group.preferredId) ?? survivorOf(group, known);
    const merge = created.has(group.preferredId) ? undefined : mergeOf(group, known, survivor);
    if (merge) merges.push(merge);
    for (const id of group.ids) {
      userIdOf.set(id, survivor.userId);
      if (known.get(id)?.userId !== survivor.userId) aliases.push({ externalId: id, userId: survivor.userId });
    }
  }
  if (merges.length > 0) await mergePeople(repos, workspaceId, merges);
  await addNewAliases(repos, workspaceId, aliases, known);
  return userIdOf;
}

/** Aliases for ids never seen before; ids of merged-away people were re-pointed by the merge. */
async function addNewAliases(
  repos: RollupRepositories,
  workspaceId: string,
  aliases: AliasRow[],
  known: Map<string, KnownAlias>,
): Promise<void> {
  const fresh = aliases.filter((alias) => !known.has(alias.externalId)).sort((a, b) => compareStrings(a.externalId, b.externalId));
  if (fresh.length === 0) return;
  const added = await repos.identities.addAliases(workspaceId, fresh);
  if (added !== fresh.length) throw new IdentityRaceError('an alias was added concurrently');
}
