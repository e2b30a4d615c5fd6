import {
  previousTimeFrame,
  scoreAccounts,
  scoredEventCount,
  scoresEveryEvent,
  scoreUsers,
  type AccountScoreRow,
  type UserScoreRow,
} from '@coil/scoring';
import type { ScoringReads } from '../repositories/scoring-repositories';
import type { ScoringScope } from '../repositories/sql-params';
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
export async function computeProfileScores(
  reads: Pick<ScoringReads, 'accountTotals' | 'userTotals' | 'accountScores'>,
  input: ProfileScoresInput,
): Promise<ProfileScores> {
  const { workspaceId, plan, scope, now } = input;
  const profileId = plan.profile.id;
  const [totals, userTotals, previousScores, events] = await Promise.all([
    reads.accountTotals.load({ workspaceId, weighting: plan.weighting, frame: plan.frame, now, scope }),
    reads.userTotals.load({ workspaceId, weighting: plan.weighting, frame: plan.frame, userIds: scope?.userIds ?? null }),
    // The change is read from the stored previous period, never recomputed, so history cannot shift.
    reads.accountScores.scoresOfPeriod(workspaceId, profileId, previousTimeFrame(plan.frame).end),
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
