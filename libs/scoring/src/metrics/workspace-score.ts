import { roundToTenth } from '../normalization/engagement-score';
import type { AccountScoreRow } from './account-score-row';
import type { UserScoreRow } from './score-users';

/** One workspace_scores row (minus workspace/profile/period/computed_at): the workspace's day in the history. */
export interface WorkspaceScore {
  /** Mean engagement_score of the scored accounts, one decimal; 0 without accounts. */
  readonly meanScore: number;
  readonly accounts: number;
  /** Accounts with a scored event in the frame. */
  readonly activeAccounts: number;
  /** Users with a scored event in the frame (each counted once, whatever their accounts). */
  readonly activeUsers: number;
}

export function workspaceScore(accounts: readonly AccountScoreRow[], users: readonly UserScoreRow[]): WorkspaceScore {
  const total = accounts.reduce((sum, row) => sum + row.engagementScore, 0);
  return {
    meanScore: accounts.length === 0 ? 0 : roundToTenth(total / accounts.length),
    accounts: accounts.length,
    activeAccounts: accounts.filter((row) => row.scoringProfileEvents > 0).length,
    activeUsers: users.filter((row) => row.scoringProfileEvents > 0).length,
  };
}
