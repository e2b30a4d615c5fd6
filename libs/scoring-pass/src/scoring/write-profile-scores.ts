import { workspaceScore } from '@coil/scoring';
import type { ScoringWrites } from '../repositories/scoring-repositories';
import type { ProfileScores } from './profile-scores';

/**
 * Upserts a profile's rows for the period, drops the period's rows of those no longer scored,
 * and records the workspace's row of the day.
 */
export async function writeProfileScores(
  { accountScores, userScores, workspaceScores }: Pick<ScoringWrites, 'accountScores' | 'userScores' | 'workspaceScores'>,
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
  await workspaceScores.upsert(workspaceId, profile.id, frame.end, workspaceScore(scores.accounts, scores.users));
}
