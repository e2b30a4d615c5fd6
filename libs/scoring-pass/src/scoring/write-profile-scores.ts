import type { ScoringWrites } from '../repositories/scoring-repositories';
import type { ProfileScores } from './profile-scores';

/** Upserts a profile's rows for the period and drops the period's rows of those no longer scored. */
export async function writeProfileScores(
  { accountScores, userScores }: Pick<ScoringWrites, 'accountScores' | 'userScores'>,
  workspaceId: string,
  scores: ProfileScores,
): Promise<void> {
  const { profile, frame } = scores.plan;
  await accountScores.upsert(workspaceId, profile.id, scores.accounts);
  await accountScores.deleteOthers(
    workspaceId,
    profile.id,
    frame.end,
    scores.accounts.map((row) => String(row.accountId)),
  );
  await userScores.upsert(workspaceId, profile.id, scores.users);
  await userScores.deleteOthers(
    workspaceId,
    profile.id,
    frame.end,
    scores.users.map((row) => String(row.userId)),
  );
}
