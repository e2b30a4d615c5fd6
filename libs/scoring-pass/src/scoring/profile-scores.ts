import {
  previousTimeFrame,
  scoreAccounts,
  scoredEventCount,
  scoresEveryEvent,
  scoreUsers,
  type AccountScoreRow,
  type UserScoreRow,
} from '@coil/scoring';
import type { SqlClient } from '@coil/database';
import { AccountScoreRepository } from '../repositories/account-score.repository';
import { AccountTotalsRepository } from '../repositories/account-totals.repository';
import type { ScoringScope } from '../repositories/scoring-scope';
import { UserTotalsRepository } from '../repositories/user-totals.repository';
import type { ProfilePlan } from './profile-plan';

/** A profile's fresh rows, ready to be written. */
export interface ProfileScores {
  readonly plan: ProfilePlan;
  readonly accounts: AccountScoreRow[];
  readonly users: UserScoreRow[];
}

export interface ProfileScoresInput {
  readonly workspaceId: string;
  readonly plan: ProfilePlan;
  readonly scope: ScoringScope | null;
  /** Distinct event names of the workspace, asked for only when every event scores. */
  readonly workspaceEvents: () => Promise<readonly string[]>;
  readonly now: Date;
}

/** Reads a profile's totals (two set-based queries) and scores them with @coil/scoring. */
export async function computeProfileScores(db: SqlClient, input: ProfileScoresInput): Promise<ProfileScores> {
  const { workspaceId, plan, scope, now } = input;
  const profileId = plan.profile.id;
  const [totals, userTotals, previousScores, events] = await Promise.all([
    new AccountTotalsRepository(db).load({ workspaceId, weighting: plan.weighting, frame: plan.frame, now, scope }),
    new UserTotalsRepository(db).load({ workspaceId, weighting: plan.weighting, frame: plan.frame, userIds: scope?.userIds ?? null }),
    // The change is read from the stored previous period, never recomputed (scoring.md).
    new AccountScoreRepository(db).scoresOfPeriod(workspaceId, profileId, previousTimeFrame(plan.frame).end),
    scoresEveryEvent(plan.weighting) ? input.workspaceEvents() : Promise.resolve([]),
  ]);
  const method = plan.profile.normalization;
  const accounts = scoreAccounts(totals, {
    period: plan.frame.end,
    method,
    scoredEventCount: scoredEventCount(plan.weighting, events),
    previousScores,
  });
  const users = scoreUsers(userTotals, { period: plan.frame.end, method });
  return { plan, accounts, users };
}
