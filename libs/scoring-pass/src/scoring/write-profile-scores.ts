import type { SqlClient } from '@coil/database';
import { AccountScoreRepository } from '../repositories/account-score.repository';
import { UserScoreRepository } from '../repositories/user-score.repository';
import type { ProfileScores } from './profile-scores';

/** Upserts a profile's rows for the period and drops the period's rows of those no longer scored. */
export async function writeProfileScores(db: SqlClient, workspaceId: string, scores: ProfileScores): Promise<void> {
  const { profile, frame } = scores.plan;
  const accounts = new AccountScoreRepository(db);
  const users = new UserScoreRepository(db);
  await accounts.upsert(workspaceId, profile.id, scores.accounts);
  await accounts.deleteOthers(workspaceId, profile.id, frame.end, scores.accounts.map((row) => String(row.accountId)));
  await users.upsert(workspaceId, profile.id, scores.users);
  await users.deleteOthers(workspaceId, profile.id, frame.end, scores.users.map((row) => String(row.userId)));
}
