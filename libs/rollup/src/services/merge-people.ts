import { compareNumericIds } from '../planning';
import type { RollupRepositories, StoredUser } from '../repositories';
import { combinePeople } from './combine-people';

/** Users to fold into one: the survivor keeps its id and receives the others' history. */
export interface PersonMerge {
  survivorId: string;
  loserIds: string[];
  /** Set when an anonymous survivor has just been identified under this userId. */
  identifyAs?: string;
}

function rowOf(rows: Map<string, StoredUser>, id: string): StoredUser {
  const row = rows.get(id);
  if (row === undefined) throw new Error(`user ${id} vanished during a merge`);
  return row;
}

export async function mergePeople(repos: RollupRepositories, workspaceId: string, merges: PersonMerge[]): Promise<void> {
  const ids = [...new Set(merges.flatMap((merge) => [merge.survivorId, ...merge.loserIds]))].sort(compareNumericIds);
  const rows = new Map((await repos.users.lockUsers(workspaceId, ids)).map((row) => [row.id, row]));
  const moves = merges.flatMap((merge) => merge.loserIds.map((loserId) => ({ fromUserId: loserId, toUserId: merge.survivorId })));
  if (moves.length > 0) {
    await repos.userHistory.moveHistory(workspaceId, moves);
    // Before the survivor is renamed: a loser may hold the external id it takes.
    await repos.users.deleteUsers(
      workspaceId,
      moves.map((move) => move.fromUserId),
    );
  }
  const combined = merges.map((merge) =>
    combinePeople(
      rowOf(rows, merge.survivorId),
      merge.loserIds.map((id) => rowOf(rows, id)),
      merge.identifyAs,
    ),
  );
  await repos.users.updateUsers(workspaceId, combined);
}
